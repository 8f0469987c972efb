import { RE2JS } from 're2js';

/**
 * Compiles a field's `pattern` with RE2 (re2js): it comes from a file or a caller, and RE2 never
 * backtracks, so no pattern can freeze the process on a long answer. The whole value must match.
 * Returns the compile error's text when the pattern is not valid RE2.
 */
export function compileFieldPattern(pattern: string): { test(value: string): boolean } | string {
  try {
    const compiled = RE2JS.compile(pattern);
    return { test: (value) => compiled.matches(value) };
  } catch (error) {
    return (error as Error).message;
  }
}
