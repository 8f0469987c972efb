import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { PRIVATE_FILE_MODE, makePrivateDir } from '../../core/private-files.js';
import { claimTempPath, cleanStrayTempFilesOnce, releaseTempPath } from './temp-files.js';

export interface WriteFileOptions {
  /**
   * fsync the file and its directory, so the new content survives power loss (checkpoint.json).
   * Without it the rename still guarantees readers see the old or the new content, never a mix.
   */
  durable?: boolean;
  /**
   * The new file's mode, before the umask. Default 0600: what Orchestra writes (run directories,
   * daemon state) is private. A file that belongs to the user's project (a task file) passes 0o666.
   */
  mode?: number;
}

/**
 * Writes `data` to a temp file beside `path` and renames it over `path`; creates the directory (0700).
 *
 * Ours rather than the `write-file-atomic` package, which does the same temp-and-rename but: never
 * fsyncs the directory after the rename (so a durable checkpoint.json could vanish on power loss),
 * always fsyncs the file unless told not to (mirror files must not pay that per node), names its
 * temp files `name.<hash>` (visible to listings, unrecognisable after a SIGKILL; ours are
 * `.name.tmp-PID-N`, skipped by readers and removed once their writer is gone), and creates no
 * private directory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileOptions = {}): Promise<void> {
  const dir = dirname(path);
  const temp = claimTempPath(dir, basename(path));
  try {
    const durable = options.durable === true;
    const mode = options.mode ?? PRIVATE_FILE_MODE;
    await writeTemp(temp, data, durable, mode).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await makePrivateDir(dir);
      await writeTemp(temp, data, durable, mode);
    });
    await rename(temp, path);
    if (durable) await syncDirectory(dir);
  } catch (error) {
    // The temp file may never have existed (e.g. the directory path runs through a file).
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OrchestraError(ErrorCode.STORE, `cannot write ${path}: ${(error as Error).message}`, {
      hint: 'Check that the run directory is writable and the disk has space.',
      cause: error,
    });
  } finally {
    releaseTempPath(temp);
  }
  await cleanStrayTempFilesOnce(dir);
}

/** `writeFileAtomic` of pretty-printed JSON with a final newline. */
export async function writeJsonAtomic(path: string, value: unknown, options: WriteFileOptions = {}): Promise<void> {
  let text: string;
  try {
    text = `${JSON.stringify(value, null, 2)}\n`;
  } catch (error) {
    throw new OrchestraError(ErrorCode.STORE, `cannot write ${path}: the value cannot be stored as JSON (${(error as Error).message})`, {
      hint: 'Only JSON values (no BigInt, no cycles) can be written to the run directory.',
      cause: error,
    });
  }
  await writeFileAtomic(path, text, options);
}

async function writeTemp(temp: string, data: string | Uint8Array, durable: boolean, mode: number): Promise<void> {
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
