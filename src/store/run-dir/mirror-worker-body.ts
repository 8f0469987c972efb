import type * as NodeFs from 'node:fs';
import type * as NodePath from 'node:path';

/** One file of a batch: its path and its content. */
export type MirrorFile = readonly [path: string, data: string | Uint8Array];

/** A file of a batch that could not be written, with the reason. */
export interface MirrorWriteFailure {
  path: string;
  message: string;
}

/** What the worker's body needs from Node: passed in, since it runs as source text in the worker. */
export interface MirrorWorkerDeps {
  fs: typeof NodeFs;
  path: typeof NodePath;
  pid: number;
  isAlive(pid: number): boolean;
}

/**
 * Writes one batch of run-directory mirror files with plain synchronous calls and returns the
 * files it could not write. Runs in the mirror's worker thread (mirror-worker.ts), so none of
 * this file-system work is on the engine's thread; also callable in-process (tests).
 *
 * - A new file is created (O_EXCL, 0600) and written in place: there is nothing to replace, and
 *   after a crash a torn one is rebuilt from the store (resume, `runs RUN --export`).
 * - A file that exists (checkpoint.json, a revisited stage's file, a link left by a tool) is replaced
 *   atomically: a temp file `.name.tmp-PID-wN` beside it, then a rename over it (never through a link).
 * - A missing directory is created (0700, with its parents).
 * - The first replace in a directory removes temp files there whose writer process is gone.
 *
 * Self-contained (only its arguments): mirror-worker.ts starts the worker from this function's source text.
 */
export function createMirrorBatchWriter(deps: MirrorWorkerDeps): (files: readonly MirrorFile[]) => MirrorWriteFailure[] {
  const { fs, path, pid } = deps;
  const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
  const createFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
  const fileMode = 0o600;
  const dirMode = 0o700;
  const tempPattern = /^\..+\.tmp-(\d+)(?:-w?\d+)?$/;
  const cleanedDirs = new Set<string>();
  let counter = 0;

  function errorCode(error: unknown): string | undefined {
    return (error as { code?: string } | null)?.code;
  }

  function writeAll(fd: number, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
  }

  /** Creates `file` with `data`; false when something is already at that path. */
  function createNew(file: string, data: string | Uint8Array, makeDir = true): boolean {
    let fd: number;
    try {
      fd = fs.openSync(file, createFlags, fileMode);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
      if (errorCode(error) !== 'ENOENT' || !makeDir) throw error;
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: dirMode });
      return createNew(file, data, false);
    }
    try {
      writeAll(fd, data);
    } catch (error) {
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
      throw error;
    }
    fs.closeSync(fd);
    return true;
  }

  function cleanStrayTempFiles(dir: string): void {
    if (cleanedDirs.has(dir)) return;
    if (cleanedDirs.size >= 10_000) cleanedDirs.clear();
    cleanedDirs.add(dir);
    for (const name of fs.readdirSync(dir)) {
      const match = tempPattern.exec(name);
      const writer = Number(match?.[1]);
      // Ours may be in flight on the engine's thread; another live process's are its own.
      if (match && writer !== pid && !deps.isAlive(writer)) fs.rmSync(path.join(dir, name), { force: true });
    }
  }

  function replace(file: string, data: string | Uint8Array): void {
    const dir = path.dirname(file);
    cleanStrayTempFiles(dir);
    let temp: string;
    let fd: number;
    for (;;) {
      counter += 1;
      // `-w`: the engine thread's writes (temp-files.ts) leave these alone while this process lives.
      temp = path.join(dir, `.${path.basename(file)}.tmp-${pid}-w${counter}`);
      try {
        fd = fs.openSync(temp, createFlags, fileMode);
        break;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
    }
    try {
      writeAll(fd, data);
      fs.closeSync(fd);
      fs.renameSync(temp, file);
    } catch (error) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already closed.
      }
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }

  return function writeMirrorBatch(files) {
    const failures: MirrorWriteFailure[] = [];
    for (const [file, data] of files) {
      try {
        if (!createNew(file, data)) replace(file, data);
      } catch (error) {
        failures.push({ path: file, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return failures;
  };
}
