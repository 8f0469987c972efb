import { isAbsolute, relative, sep } from 'node:path';

/** A path as the user would type it from `cwd`: relative inside it, absolute outside it. */
export function displayPath(cwd: string, path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
  return rel;
}
