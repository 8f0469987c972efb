import { open, readFile, rm, stat } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { isProcessAlive } from './process-alive.js';
import { PRIVATE_FILE_MODE } from '../../core/private-files.js';

// The lock is held for a probe and a rename; one older than this belongs to a holder that hung or died.
const abandonedAfterMs = 10_000;
const retryMs = 20;

/**
 * Runs `fn` while holding `lockPath` (a file created exclusively, holding our pid), so that of several
 * daemons starting at once exactly one checks for a live socket and takes the path. A lock whose
 * holder is dead, or that is older than 10 s, is broken. Two waiters breaking the same abandoned lock
 * at the same instant could both proceed; that needs a daemon to die inside this few-millisecond
 * section, and is accepted. Not `proper-lockfile`, for the reason given in src/tasks/task-lock.ts:
 * it judges staleness by mtime alone and cannot break a dead holder's lock at once.
 */
export async function withStartupLock<T>(lockPath: string, fn: () => Promise<T>, o: { timeoutMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (o.timeoutMs ?? 15_000);
  while (!(await tryAcquire(lockPath))) {
    if (await isAbandoned(lockPath)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new OrchestraError(ErrorCode.DAEMON, `another daemon is starting and holds ${lockPath}`, {
        hint: 'Wait a moment and retry; if it persists, remove that file.',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function tryAcquire(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function isAbandoned(lockPath: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const pid = Number.parseInt(text, 10);
    // An empty file is a holder between create and write: judge it by age only.
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) return true;
    return Date.now() - info.mtimeMs > abandonedAfterMs;
  } catch (error) {
    // Released between our attempt and this look: not abandoned, just free.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
