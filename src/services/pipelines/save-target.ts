import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** Where a save writes: the real folder (inside the project) and the file's path in it. */
export interface SaveTarget {
  /** The file's absolute path: `<real parent>/<name>.dot`. */
  path: string;
  /** The name relative to the project, `/`-separated: what the API answers with. */
  file: string;
}

function refuse(file: string, message: string, hint: string, field = 'file'): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `${field}: ${JSON.stringify(file)} ${message}`, { hint, fields: [{ field, message }] });
}

const INSIDE_HINT = 'Name a .dot file inside the project, relative to it (e.g. pipelines/review.dot); a symlink leading out of it is refused.';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * The file a save may write, for `file` named relative to `project` (a known project's real path).
 * Refused: absolute paths, `..` segments, names not ending in `.dot`, a folder on the way that is a
 * symlink leading out of the project, and a target that is a symlink or not a regular file. Missing
 * folders are created, inside the project only (their nearest existing ancestor is checked first).
 */
export async function saveTargetIn(project: string, file: string): Promise<SaveTarget> {
  const segments = file.split(/[\\/]/);
  if (isAbsolute(file) || /^[A-Za-z]:/.test(file)) throw refuse(file, 'is an absolute path', INSIDE_HINT);
  if (segments.includes('..')) throw refuse(file, 'goes up with ".."', INSIDE_HINT);
  if (file.includes('\0') || segments.some((segment) => segment === '' || segment === '.')) throw refuse(file, 'is not a plain relative path', INSIDE_HINT);
  if (!file.endsWith('.dot') || segments[segments.length - 1] === '.dot') throw refuse(file, 'is not a .dot file', 'Pipelines are saved as name.dot files.');
  const wanted = join(project, ...segments);
  const parent = await realParent(project, dirname(wanted), file);
  const path = join(parent, segments[segments.length - 1] as string);
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isSymbolicLink()) throw refuse(file, 'is a symlink', 'Save to the file it leads to, named by its own path in the project.');
  if (stats !== undefined && !stats.isFile()) throw refuse(file, 'is not a regular file', INSIDE_HINT);
  return { path, file: relative(project, path).split(sep).join('/') };
}

/** The parent folder's real path, created when missing, refused when it (really) lies outside. */
async function realParent(project: string, folder: string, file: string): Promise<string> {
  let existing = folder;
  while (!(await exists(existing))) existing = dirname(existing);
  const real = await realpath(existing).catch(() => undefined);
  if (real === undefined || (real !== project && !inside(project, real))) throw refuse(file, 'is outside the project', INSIDE_HINT);
  if (!(await stat(real)).isDirectory()) throw refuse(file, `is under ${JSON.stringify(relative(project, existing))}, which is not a folder`, INSIDE_HINT);
  if (existing !== folder) {
    const missing = relative(existing, folder);
    await mkdir(join(real, missing), { recursive: true });
  }
  const parent = await realpath(join(real, relative(existing, folder)));
  if (parent !== project && !inside(project, parent)) throw refuse(file, 'is outside the project', INSIDE_HINT);
  return parent;
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}
