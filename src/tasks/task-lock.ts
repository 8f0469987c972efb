import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { isProcessAlive } from '../core/process-alive.js';
import { hostname } from 'node:os';

export interface TaskLockOptions {
  /** A lock older than this whose process is gone is left over from a crash and may be broken. */
  staleMs?: number;
  /** Give up waiting after this long. Defaults to `staleMs` + 5 s, so a crashed holder never blocks. */
  timeoutMs?: number;
  /** Pause between attempts while another process holds the lock. */
  retryMs?: number;
}

export const defaultLockStaleMs = 10_000;
export const taskLockName = '.lock';

interface LockHolder {
  pid: number;
  token: string;
  since: string;
  /** A pid means something only on its own machine (a project may sit on a shared disk). */
  host?: string;
}

/**
 * Runs `body` while holding `<dir>/.lock`, an exclusive lock between processes (created with the
 * `wx` flag, so exactly one creator wins). Held for milliseconds: to allocate an id or to
 * read-modify-write one task file.
 *
 * Ours rather than `proper-lockfile`: that package judges staleness by mtime alone (a holder must
 * keep touching the lock), so it cannot break a young lock at once when its holder on this machine
 * is known dead, and it breaks an old lock whose holder is alive but did not touch it in time; the
 * tests in task-lock.test.ts hold both guarantees, which need the holder's pid and host.
 */
export async function withTaskLock<T>(dir: string, body: () => Promise<T>, options: TaskLockOptions = {}): Promise<T> {
  const path = join(dir, taskLockName);
  const token = await acquire(path, options);
  try {
    return await body();
  } finally {
    await release(path, token);
  }
}

async function acquire(path: string, options: TaskLockOptions): Promise<string> {
  const staleMs = options.staleMs ?? defaultLockStaleMs;
  const deadline = Date.now() + (options.timeoutMs ?? staleMs + 5_000);
  const holder: LockHolder = { pid: process.pid, token: randomUUID(), since: new Date().toISOString(), host: hostname() };
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(holder));
      } finally {
        await handle.close();
      }
      return holder.token;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(path, `cannot create the task lock ${path}: ${(error as Error).message}`, error);
    }
    if (await breakIfStale(path, staleMs)) continue;
    if (Date.now() > deadline) throw await heldError(path);
    // Jitter keeps racing processes from retrying in lockstep.
    await delay((options.retryMs ?? 15) * (0.5 + Math.random()));
  }
}

/** Removes a crashed holder's lock; true when the lock is gone (so acquiring may be retried at once). */
async function breakIfStale(path: string, staleMs: number): Promise<boolean> {
  let content: string;
  let ageMs: number;
  try {
    ageMs = Date.now() - (await stat(path)).mtimeMs;
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const holder = parseHolder(content);
  const local = holder !== undefined && holder.host === hostname();
  if (local && isProcessAlive(holder.pid)) return false;
  // A local holder known to be dead (a daemon killed mid-write) is broken at once. Otherwise only
  // age makes a lock stale: one not filled in yet may be a live creator's, and another machine's
  // pid cannot be checked here.
  if (!local && ageMs < staleMs) return false;
  if (!local && holder !== undefined && holder.host === undefined && isProcessAlive(holder.pid)) return false;
  // Move the lock aside and check it is the one judged stale: another process may have broken
  // it and taken a fresh one in between, which must be put back, not deleted.
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if ((await readFile(aside, 'utf8')) !== content) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
  return true;
}

async function release(path: string, token: string): Promise<void> {
  const content = await readFile(path, 'utf8').catch(() => '');
  // Only remove our own lock: if it was (wrongly) broken, the file now belongs to someone else.
  if (parseHolder(content)?.token === token) await rm(path, { force: true });
}

async function heldError(path: string): Promise<OrchestraError> {
  const holder = parseHolder(await readFile(path, 'utf8').catch(() => ''));
  const who = holder ? `process ${holder.pid} (since ${holder.since})` : 'another process';
  return lockError(path, `the task lock ${path} is held by ${who}; gave up waiting.`);
}

function lockError(path: string, message: string, cause?: unknown): OrchestraError {
  return new OrchestraError(ErrorCode.TASK_FILE, message, {
    hint: `If no orchestra command is running for this project, delete ${path}.`,
    cause,
  });
}

function parseHolder(content: string): LockHolder | undefined {
  try {
    const value = JSON.parse(content) as Partial<LockHolder>;
    return typeof value.pid === 'number' && typeof value.token === 'string' ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}
