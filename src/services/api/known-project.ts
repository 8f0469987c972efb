import { realpathSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { ApiDeps } from './deps.js';

/**
 * The real path of `dir` when it is a project this process serves; E_NOT_A_PROJECT otherwise. A
 * path through a symlink counts as the folder it leads to; a missing folder is never known.
 */
export function requireKnownProject(deps: Pick<ApiDeps, 'projects'>, dir: string): string {
  const known = deps.projects.list();
  let real: string | undefined;
  try {
    real = isAbsolute(dir) ? realpathSync(dir) : undefined;
  } catch {
    real = undefined;
  }
  if (real !== undefined && known.includes(real)) return real;
  throw new OrchestraError(ErrorCode.NOT_A_PROJECT, `${JSON.stringify(dir)} is not a project this Orchestra serves`, {
    hint: known.length > 0 ? `Name one of: ${known.join(', ')} (absolute paths). Run an orchestra command in a project once to add it.` : 'Run an orchestra command (e.g. `orchestra task list`) in the project once to add it.',
  });
}
