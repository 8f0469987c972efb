import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { createMemoryStore } from '../../store/memory/index.js';
import type { NodeProcess } from '../../store/node-process.js';
import { groupAlive } from '../../sessions/process-group.js';
import { processStartTime } from '../../sessions/process-identity.js';
import type { ResolvedEngine } from './engine-options.js';
import { endOrphanedProcesses, ownsGroup } from './orphan-processes.js';

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/** A group leader that ignores SIGTERM, as a stubborn tool command would; ready once it said so. */
async function stubbornGroup(): Promise<number> {
  const child = spawn('/bin/sh', ['-c', 'trap "" TERM; echo ready; while :; do sleep 0.1; done'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  child.unref();
  started.push(child.pid!);
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return child.pid!;
}

async function storeWith(...groups: NodeProcess[]) {
  const store = createMemoryStore();
  await store.createRun({ id: 'r1', pipeline: 'p', file: '/p.dot', source: '', goal: '', logsRoot: '/tmp/r1', variables: {}, options: {}, startedAt: 0 });
  for (const group of groups) await store.recordNodeProcess(group);
  return { store, engine: { store, logger: silentLogger } as unknown as ResolvedEngine };
}

const record = (pid: number, startTime: string | undefined): NodeProcess => ({ runId: 'r1', pid, startTime, host: hostname(), nodeId: 'work', attempt: 1, startedAt: 1 });

describe('endOrphanedProcesses', () => {
  it('issue 8.11: a recorded group still running ends (SIGKILL when it ignores SIGTERM) and its record goes', async () => {
    const pid = await stubbornGroup();
    const { store, engine } = await storeWith(record(pid, processStartTime(pid)));
    await endOrphanedProcesses(engine, 'r1', { graceMs: 200, killWaitMs: 10_000 });
    expect(groupAlive(pid)).toBe(false);
    expect(await store.listNodeProcesses('r1')).toEqual([]);
  });

  it('issue 8.11: a pid now naming another process (other start time) is left alone and forgotten', async () => {
    const pid = await stubbornGroup();
    const { store, engine } = await storeWith(record(pid, '1'));
    expect(ownsGroup(record(pid, '1'))).toBe(false);
    await endOrphanedProcesses(engine, 'r1');
    expect(groupAlive(pid)).toBe(true);
    expect(await store.listNodeProcesses('r1')).toEqual([]);
  });

  it('issue 8.11: a group of another host is only forgotten', async () => {
    const pid = await stubbornGroup();
    const { store, engine } = await storeWith({ ...record(pid, processStartTime(pid)), host: 'elsewhere.example' });
    await endOrphanedProcesses(engine, 'r1');
    expect(groupAlive(pid)).toBe(true);
    expect(await store.listNodeProcesses('r1')).toEqual([]);
  });
});
