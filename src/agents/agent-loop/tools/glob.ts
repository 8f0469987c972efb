/**
 * A glob as a regular expression over `/`-separated relative paths: `**` crosses directories,
 * `*` and `?` stay within one, `{a,b}` is a choice, `[abc]` a character class. A pattern without
 * a `/` matches the file name at any depth (as `*.ts` finds every TypeScript file).
 */
export function globToRegExp(pattern: string): RegExp {
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
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${source}$`);
}
