import { RE2JS } from 're2js';
import { type LinearPattern } from './linear-pattern.js';
import { toolError } from './tool-error.js';

/**
 * A glob as a regular expression over `/`-separated relative paths: `**` crosses directories,
 * `*` and `?` stay within one, `{a,b}` is a choice, `[abc]` a character class. A pattern without
 * a `/` matches the file name at any depth (as `*.ts` finds every TypeScript file). Compiled with
 * RE2: a glob such as `**a**a**a**b` would make a backtracking RegExp take polynomial time on a
 * long path.
 */
export function compileGlob(pattern: string): LinearPattern {
  const anyDepth = !pattern.includes('/');
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braces += 1;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  try {
    const compiled = RE2JS.compile(`^${anyDepth ? '(?:.*/)?' : ''}${source}$`);
    return { test: (path) => compiled.test(path) };
  } catch {
    throw toolError(`glob ${JSON.stringify(pattern)} is not valid`, 'Close every { and [ it opens; use ** , *, ?, {a,b} and [abc].');
  }
}
