import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTaskLock } from './task-lock.js';
import { hostname } from 'node:os';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-task-lock-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 0;
}

function writeLock(pid: number, ageMs: number, token = 'earlier', host: string | undefined = hostname()): string {
  const path = join(dir, '.lock');
  const content = JSON.stringify({ pid, token, since: '2025-01-01T00:00:00.000Z', host });
  writeFileSync(path, content);
  const then = new Date(Date.now() - ageMs);
  utimesSync(path, then, then);
  return content;
}

describe('withTaskLock', () => {
  it('runs one body at a time and removes the lock afterwards', async () => {
    let active = 0;
    let maxActive = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        withTaskLock(dir, async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          // Real I/O inside the lock, so the other bodies get a chance to run if the lock leaked.
          writeFileSync(join(dir, `probe-${index}`), String(index));
          await new Promise<void>((resolve) => setImmediate(resolve));
          order.push(index);
          active -= 1;
        }),
      ),
    );
    expect(maxActive).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('returns the body result and releases the lock when the body throws', async () => {
    expect(await withTaskLock(dir, async () => 42)).toBe(42);
    await expect(withTaskLock(dir, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks a stale lock left by a dead process', async () => {
    writeLock(deadPid(), 60_000);
    expect(await withTaskLock(dir, async () => 'got it', { staleMs: 1_000, timeoutMs: 10_000 })).toBe('got it');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks a stale lock whose holder never wrote its pid', async () => {
    writeFileSync(join(dir, '.lock'), '');
    const then = new Date(Date.now() - 60_000);
    utimesSync(join(dir, '.lock'), then, then);
    expect(await withTaskLock(dir, async () => 'got it', { staleMs: 1_000, timeoutMs: 10_000 })).toBe('got it');
  });

  it('never breaks an old lock whose process is alive: gives up naming the holder', async () => {
    const content = writeLock(process.pid, 60_000);
    const failure = withTaskLock(dir, async () => 'never', { staleMs: 1_000, timeoutMs: 200, retryMs: 5 });
    await expect(failure).rejects.toMatchObject({
      code: 'E_TASK_FILE',
      message: `the task lock ${join(dir, '.lock')} is held by process ${process.pid} (since 2025-01-01T00:00:00.000Z); gave up waiting.`,
      hint: `If no orchestra command is running for this project, delete ${join(dir, '.lock')}.`,
    });
    expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(content);
  });

  it('breaks a young lock at once when its holder on this machine is gone', async () => {
    writeLock(deadPid(), 0);
    await expect(withTaskLock(dir, async () => 'ran', { staleMs: 60_000, timeoutMs: 2_000, retryMs: 5 })).resolves.toBe('ran');
  });

  it("does not break a young lock of another machine's process", async () => {
    const content = writeLock(deadPid(), 0, 'earlier', 'another-host');
    await expect(withTaskLock(dir, async () => 'never', { staleMs: 60_000, timeoutMs: 200, retryMs: 5 })).rejects.toMatchObject({ code: 'E_TASK_FILE' });
    expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(content);
  });

  it('reports a directory it cannot create the lock in', async () => {
    await expect(withTaskLock(join(dir, 'missing'), async () => 'never')).rejects.toMatchObject({ code: 'E_TASK_FILE', message: /^cannot create the task lock .*missing\/\.lock: ENOENT/ });
  });
});
