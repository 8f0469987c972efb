import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { toolError } from './tool-error.js';

/**
 * The absolute path for `path` (relative to `workDir`, or absolute inside it). Rejects paths that
 * leave the directory, also through a symbolic link: the deepest part that exists is resolved
 * to its real location before the check.
 */
export async function confinePath(workDir: string, path: string): Promise<string> {
  const root = await realpath(workDir);
  const target = resolve(root, path);
  if (!isInside(root, target) || !isInside(root, await realPrefix(target))) {
    throw toolError(`path "${path}" is outside the working directory ${root}`, 'Use a path relative to the working directory, without ".." steps that leave it.');
  }
  return target;
}

export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** `target` with its deepest existing ancestor replaced by that ancestor's real path. */
async function realPrefix(target: string): Promise<string> {
  let existing = target;
  for (;;) {
    try {
      const real = await realpath(existing);
      return resolve(real, relative(existing, target));
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return target;
      existing = parent;
    }
  }
}
