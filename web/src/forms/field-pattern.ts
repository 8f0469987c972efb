import { RE2JS } from 're2js';

/*
 * A field's `pattern` as the server reads it: RE2 (re2js, the server's own library), matching the
 * whole value. JavaScript's RegExp reads some patterns otherwise (`(?i)`, `\z`, `\C`), so the
 * browser uses the same engine and refuses exactly what the server refuses.
 */

const compiled = new Map<string, { matches(value: string): boolean } | undefined>();

/** Whether `value` matches `pattern` as a whole; undefined when the pattern is not valid RE2 (the server never stores one). */
export function matchesPattern(pattern: string, value: string): boolean | undefined {
  if (!compiled.has(pattern)) {
    try {
      const regex = RE2JS.compile(pattern);
      compiled.set(pattern, { matches: (text) => regex.matches(text) });
    } catch {
      compiled.set(pattern, undefined);
    }
  }
  return compiled.get(pattern)?.matches(value);
}
