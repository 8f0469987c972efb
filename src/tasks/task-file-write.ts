import { link, open, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { writeFileAtomic } from '../store/run-dir/write-file-atomic.js';
import { claimTempPath, releaseTempPath } from '../store/run-dir/temp-files.js';

/**
 * Creates `path` with `text`, failing if it exists (like the `wx` flag) and never visible
 * half-written: the text goes to a temp file that is then hard-linked to `path` (link, unlike
 * rename, refuses to replace an existing file).
 */
export async function writeNewTaskFile(path: string, text: string): Promise<void> {
  const temp = claimTempPath(dirname(path), basename(path));
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    await link(temp, path);
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new OrchestraError(ErrorCode.TASK_FILE, exists ? `the task file ${path} already exists.` : `cannot write the task file ${path}: ${(error as Error).message}`, {
      hint: exists ? 'Another process created it at the same moment; try again.' : 'Check that .orchestra/tasks is writable and the disk has space.',
      cause: error,
    });
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
    releaseTempPath(temp);
  }
}

/**
 * Replaces `path` with `text` atomically (temp file + rename), so readers see the old or the new file.
 * A task file belongs to the project, so it gets the umask's usual mode, not Orchestra's private one.
 */
export async function replaceTaskFile(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text, { mode: 0o666 });
}
