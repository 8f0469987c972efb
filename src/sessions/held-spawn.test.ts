import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnHeld, type ProcessRecorder } from './held-spawn.js';
import { processStartTime } from './process-identity.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-held-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const closed = (child: ReturnType<typeof spawnHeld>['child']) =>
  new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

describe('spawnHeld', () => {
  it('issue 8.11: the command runs only after the recorder stored its group, and the record is cleared by the caller', async () => {
    const effect = join(dir, 'effect');
    const seen: Array<{ pid: number; startTime: string | undefined; cmdline: string; effect: boolean }> = [];
    let cleared = 0;
    const recorder: ProcessRecorder = {
      async record(pid, startTime) {
        // Still the held shell: the command has not been exec'd, so it cannot have done anything.
        seen.push({ pid, startTime, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8'), effect: existsSync(effect) });
        return async () => void cleared++;
      },
    };
    const { child, released } = spawnHeld('/bin/sh', ['-c', `touch '${effect}'`], { cwd: dir, env: process.env, stdin: 'ignore', recorder });
    const startTime = processStartTime(child.pid!);
    const code = await closed(child);
    await (await released)();
    expect(code).toBe(0);
    expect(seen).toEqual([{ pid: child.pid, startTime, cmdline: expect.stringContaining('orchestra-held') as unknown as string, effect: false }]);
    expect(existsSync(effect)).toBe(true);
    expect(cleared).toBe(1);
  });

  it('issue 8.11: when the record cannot be stored, the command never runs', async () => {
    const effect = join(dir, 'effect');
    const recorder: ProcessRecorder = { record: () => Promise.reject(new Error('disk full')) };
    const { child, released } = spawnHeld('/bin/sh', ['-c', `touch '${effect}'`], { cwd: dir, env: process.env, stdin: 'ignore', recorder });
    await closed(child);
    await expect(released).rejects.toThrow('disk full');
    expect(existsSync(effect)).toBe(false);
  });

  it('issue 8.11: passes the arguments through untouched (no shell parsing of them)', async () => {
    const out: Buffer[] = [];
    const { child, released } = spawnHeld('/bin/echo', ['$HOME', '"; rm -rf x', 'a b'], { cwd: dir, env: process.env, stdin: 'ignore', recorder: undefined });
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    await closed(child);
    await released;
    expect(Buffer.concat(out).toString()).toBe('$HOME "; rm -rf x a b\n');
  });
});
