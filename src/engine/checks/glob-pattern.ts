/**
 * Glob patterns for `check.file_exists`: `*` and `?` within one path segment, `**` for any number
 * of segments, `[abc]` classes and `{a,b}` alternatives. Paths use `/`; matching is case-sensitive.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let i = 0;
  let braces = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
        source += i + 2 === pattern.length ? '.*' : '(?:[^/]*/)*';
        i += 3;
        continue;
      }
      source += '[^/]*';
      i += 2;
      continue;
    }
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        const body = pattern.slice(i + 1, end);
        source += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
        i = end;
      }
    } else if (char === '{' && pattern.indexOf('}', i) > i) {
      braces += 1;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += escapeChar(char);
    i += 1;
  }
  return new RegExp(`^${source}$`);
}

/** The directory a pattern's matches must lie under: its segments before the first wildcard. */
export function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[{]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}

function escapeChar(char: string): string {
  return /[.+^$(){}|\\]/.test(char) ? `\\${char}` : char;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, (c) => `\\${c}`);
}
