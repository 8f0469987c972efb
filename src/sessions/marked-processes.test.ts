import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { findMarkedProcesses, parseEnviron } from './marked-processes.js';
import { hasProcStat } from './proc-stat.js';
import { waitUntil } from './process-group.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function sleeper(env: Record<string, string>, detached: boolean): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { env: { ...process.env, ...env }, detached, stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('parseEnviron', () => {
  it('splits NUL-separated NAME=value pairs, values may hold =', () => {
    expect([...parseEnviron('A=1\0B=x=y\0\0C=\0junk\0')]).toEqual([['A', '1'], ['B', 'x=y'], ['C', '']]);
  });
});

describe.runIf(hasProcStat)('findMarkedProcesses', () => {
  it('finds the session leaders started with the marker, with the variables asked for', async () => {
    const marker = randomUUID();
    const leader = sleeper({ TEST_MARKER: marker, TEST_TASK: '7' }, true);
    const follower = sleeper({ TEST_MARKER: marker }, false);
    const found = () => findMarkedProcesses('TEST_MARKER', ['TEST_TASK', 'TEST_ABSENT']).filter((proc) => proc.marker === marker);
    expect(await waitUntil(() => found().length > 0, 10_000)).toBe(true);
    // The non-leader (still in this test's session) is not an agent of its own.
    expect(found()).toEqual([{ pid: leader.pid, startTime: expect.stringMatching(/^\d+$/), marker, env: { TEST_TASK: '7' } }]);
    expect(found().map((proc) => proc.pid)).not.toContain(follower.pid);
    leader.kill('SIGKILL');
    expect(await waitUntil(() => found().length === 0, 10_000)).toBe(true);
  });
});
