import { describe, expect, it } from 'vitest';
import type { NodeProcess } from '../node-process.js';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, newRun, t0 } from './fixtures.case.js';

export function describeNodeProcessConformance(fixture: StoreFixture): void {
  describe('node processes', () => {
    const group = (pid: number, overrides: Partial<NodeProcess> = {}): NodeProcess => ({
      runId: 'r1',
      pid,
      startTime: `${pid}00`,
      host: 'box',
      nodeId: 'build',
      attempt: 1,
      startedAt: t0 + pid,
      ...overrides,
    });

    it('issue 8.11: records groups, lists them oldest first per run, and clears them', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.createRun(newRun('r2'));
      await store.recordNodeProcess(group(30, { startedAt: t0 + 2 }));
      await store.recordNodeProcess(group(20, { startedAt: t0 + 1, nodeId: 'test', attempt: 2 }));
      await store.recordNodeProcess(group(40, { runId: 'r2' }));
      expect(await store.listNodeProcesses('r1')).toEqual([group(20, { startedAt: t0 + 1, nodeId: 'test', attempt: 2 }), group(30, { startedAt: t0 + 2 })]);

      await store.clearNodeProcess('r1', 20);
      expect(await store.listNodeProcesses('r1')).toEqual([group(30, { startedAt: t0 + 2 })]);
      expect(await store.listNodeProcesses('r2')).toEqual([group(40, { runId: 'r2' })]);
      expect(await store.listNodeProcesses('ghost')).toEqual([]);
    });

    it('issue 8.11: keeps a missing start time (no /proc) as undefined', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.recordNodeProcess(group(7, { startTime: undefined }));
      const [listed] = await store.listNodeProcesses('r1');
      expect(listed).toEqual(group(7, { startTime: undefined }));
      expect(listed?.startTime).toBeUndefined();
    });

    it('issue 8.11: a second record with the same pid replaces the first (the kernel reused the pid)', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.recordNodeProcess(group(9));
      await store.recordNodeProcess(group(9, { startTime: '12345', attempt: 2 }));
      expect(await store.listNodeProcesses('r1')).toEqual([group(9, { startTime: '12345', attempt: 2 })]);
    });

    it('issue 8.11: clearing a group that is not recorded changes nothing', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.recordNodeProcess(group(5));
      await store.clearNodeProcess('r1', 6);
      await store.clearNodeProcess('ghost', 5);
      expect(await store.listNodeProcesses('r1')).toEqual([group(5)]);
    });

    it('issue 8.11: rejects a group of a run that does not exist', async () => {
      const store = fixture.store();
      await expectStoreError(store.recordNodeProcess(group(5, { runId: 'ghost' })), 'E_RUN_NOT_FOUND', 'run "ghost" does not exist in the store');
      expect(await store.listNodeProcesses('ghost')).toEqual([]);
    });
  });
}
