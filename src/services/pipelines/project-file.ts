import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** True when `path` is `root` itself or outside it (both absolute). */
function escapes(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * The real path of `file` (relative to `project`, a known project's real path) when the file as it
 * really is lies inside the project; E_USAGE naming `field` otherwise, a symlink leading out
 * included. A missing file is E_FILE_NOT_FOUND. The API never reads a file outside the project.
 */
export function fileInProject(project: string, file: string, field = 'file'): string {
  const path = resolve(project, file);
  if (escapes(project, path)) throw outside(project, file, field);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new OrchestraError(ErrorCode.FILE_NOT_FOUND, `${field}: ${JSON.stringify(file)} does not exist in the project ${project}.`, {
      hint: 'List the pipelines of the project with pipelines.list (pipeline_list).',
      fields: [{ field, message: 'does not exist' }],
    });
  }
  if (escapes(project, real)) throw outside(project, file, field);
  return real;
}

function outside(project: string, file: string, field: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `${field}: ${JSON.stringify(file)} is outside the project ${project}.`, {
    hint: 'Name a file inside the project, relative to it (e.g. pipelines/review.dot); a symlink leading out of it is refused.',
    fields: [{ field, message: 'is outside the project' }],
  });
}
