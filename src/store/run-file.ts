import { ErrorCode, OrchestraError } from '../core/errors.js';

/**
 * A file of a run's directory (a stage's prompt.md, response.md, status.json, context.json, the
 * manifest), kept in the store so that the directory on disk is only its mirror: written off the
 * engine's path, and rebuilt by `orchestra runs RUN --export DIR` or on resume after a crash.
 * `path` is relative to the run directory, with `/` between its parts; the latest write wins.
 */
export interface RunFile {
  path: string;
  content: string;
}

/** A stored path must stay inside the directory it is exported to: relative, no `..`, no empty part. */
export function isConfinedRunFilePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export function validateRunFiles(runId: string, files: readonly RunFile[]): void {
  for (const file of files) {
    if (isConfinedRunFilePath(file.path) && typeof file.content === 'string') continue;
    throw new OrchestraError(ErrorCode.STORE, `cannot store the file "${file.path}" of run ${runId}: its path must be relative to the run directory, without ".."`, {
      hint: 'This is a bug in the engine; report it with the pipeline that caused it.',
    });
  }
}
