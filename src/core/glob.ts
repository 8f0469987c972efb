import type { RE2JS as RE2JSClass } from 're2js';
import { ErrorCode, OrchestraError } from './errors.js';
import { lazyRequire } from './lazy-require.js';

// Loaded with the first glob: a run whose pipeline has none never compiles RE2 (issue 9).
const re2 = lazyRequire<{ RE2JS: typeof RE2JSClass }>('re2js');

/** A compiled glob; matching takes time linear in the path, whatever the pattern. */
export interface GlobMatcher {
  test(path: string): boolean;
}

export interface GlobOptions {
  /** A pattern without `/` matches the file name at any depth (`*.ts` finds every TypeScript file). */
  matchBase?: boolean;
}

/**
 * The one glob dialect of Orchestra (agent tools, `check.file_exists`, `context.files`), over
 * `/`-separated relative paths: `*` and `?` within one segment, `**` as a whole segment for any
 * number of directories (elsewhere it is `*`, as in bash), `[abc]` / `[!abc]` classes, `{a,b}`
 * choices; a `{` or `[` that is never closed is literal. Case-sensitive.
 *
 * Ours rather than picomatch: picomatch compiles to a backtracking RegExp with lookaheads, and
 * `*a*a*a*a*a*a*b` against 200 `a`s does not finish; globs come from models and from pipelines
 * fetched from anywhere. This one is compiled with RE2 (re2js), which has no such case — and
 * RE2 rejects the lookaheads picomatch emits, so its output cannot simply be recompiled.
 */
export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
  const source = globSource(pattern);
  const anyDepth = options.matchBase === true && !pattern.includes('/');
  try {
    const compiled = re2().RE2JS.compile(`^${anyDepth ? '(?:.*/)?' : ''}${source}$`);
    return { test: (path) => compiled.test(path) };
  } catch {
    throw new OrchestraError(ErrorCode.USAGE, `glob ${JSON.stringify(pattern)} is not valid`, {
      hint: 'Use **, *, ?, {a,b} and [abc]; a class range runs low to high, as [a-z].',
    });
  }
}

function globSource(pattern: string): string {
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      // `**/` is zero or more whole directories; a trailing `**` everything below.
      if (atSegmentStart && atSegmentEnd) source += i + 2 === pattern.length ? '.*' : '(?:.*/)?';
      else source += '[^/]*';
      i += atSegmentStart && atSegmentEnd ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[' && pattern.indexOf(']', i + 2) > 0) {
      const end = pattern.indexOf(']', i + 2);
      const body = pattern.slice(i + 1, end);
      source += body.startsWith('!') ? `[^${escapeClass(body.slice(1))}]` : `[${escapeClass(body)}]`;
      i = end;
    } else if (char === '{' && pattern.indexOf('}', i) > i) {
      braces += 1;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$(){}|\\[\]]/g, '\\$&');
  }
  return source;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^[]/g, (c) => `\\${c}`);
}

/** The directory a pattern's matches must lie under: its segments before the first wildcard. */
export function staticPrefix(pattern: string): string {
  const fixed: string[] = [];
  for (const segment of pattern.split('/').slice(0, -1)) {
    if (/[*?[{]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}

/** One entry of a comma-separated list, with its offset in the attribute's value (for diagnostics). */
export interface ListEntry {
  value: string;
  offset: number;
}

/**
 * Splits `a, b/{x,y}.md` at commas outside braces, so a glob's `{x,y}` stays one entry; blanks
 * around entries are dropped, empty entries too.
 */
export function splitGlobList(text: string): ListEntry[] {
  const entries: ListEntry[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const value = raw.trim();
    if (value !== '') entries.push({ value, offset: start + raw.indexOf(value) });
  };
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && depth > 0) depth -= 1;
    else if (text[i] === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return entries;
}
