import { lstat, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { toolError } from './tool-error.js';

/** As the kernel's limit on links followed in one lookup (ELOOP). */
const maxLinkHops = 40;

/**
 * The real absolute path for `path` (relative to `workDir`, or absolute inside it): every symbolic
 * link on the way is followed, a dangling one too (its target is where a write would land), so the
 * result names the file the operation will really touch. Rejects a path whose real location is
 * outside the working directory's real path. Tools then use the returned path, never the link.
 */
export async function confinePath(workDir: string, path: string): Promise<string> {
  const root = await realpath(workDir);
  const real = await resolveReal(resolve(root, path), path);
  if (!isInside(root, real)) {
    throw toolError(`path "${path}" is outside the working directory ${root}`, 'Use a path relative to the working directory, without ".." steps or links that leave it.');
  }
  return real;
}

export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * `absolute` with every link resolved, component by component from `/`. Past the first component
 * that does not exist nothing can be a link, so the rest is appended as written.
 */
async function resolveReal(absolute: string, shown: string): Promise<string> {
  const pending = absolute.split(sep).filter(Boolean).reverse();
  let current: string = sep;
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part === '.') continue;
    if (part === '..') {
      current = resolve(current, '..');
      continue;
    }
    const next = join(current, part);
    const info = await lstat(next).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (info === undefined) return join(next, ...pending.reverse());
    if (!info.isSymbolicLink()) {
      current = next;
      continue;
    }
    hops += 1;
    if (hops > maxLinkHops) throw toolError(`path "${shown}" goes through more than ${maxLinkHops} symbolic links`, 'Use a path without a link loop.');
    const target = await readlink(next);
    if (isAbsolute(target)) current = sep;
    pending.push(...target.split(sep).filter(Boolean).reverse());
  }
  return current;
}
