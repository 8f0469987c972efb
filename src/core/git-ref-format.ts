/**
 * The rules of `git check-ref-format --branch` as a pure function, so a branch name or prefix from a config file
 * can be refused with a clear message at load time, before any git command runs (git keeps the last word).
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name === '@') return 'it is the single character "@"';
  if (name.startsWith('-')) return 'it starts with "-"';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being rejected
  if (/[\x00-\x20\x7f]/.test(name)) return 'it contains a space or a control character';
  const forbidden = ['~', '^', ':', '?', '*', '[', '\\'].find((char) => name.includes(char));
  if (forbidden !== undefined) return `it contains "${forbidden}" (git refuses ~ ^ : ? * [ \\)`;
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name.startsWith('/') || name.endsWith('/')) return 'it starts or ends with "/"';
  if (name.includes('//')) return 'it contains "//"';
  if (name.endsWith('.')) return 'it ends with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `its part "${component}" starts with "."`;
    if (component.endsWith('.lock')) return `its part "${component}" ends with ".lock"`;
  }
  return undefined;
}

/**
 * Why git would refuse every branch `{prefix}{pipeline}/{run id}`, if it would: the prefix is checked followed by
 * a plain name, since it is only ever used so (`orchestra/` alone ends with "/", which is fine there).
 */
export function branchPrefixProblem(prefix: string): string | undefined {
  if (prefix === '') return undefined;
  return branchNameProblem(`${prefix}pipeline/run`);
}
