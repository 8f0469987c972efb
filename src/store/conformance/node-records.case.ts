import { describe, expect, it } from 'vitest';
import type { NodeRecord } from '../types.js';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, newRun, t0 } from './fixtures.case.js';

export function describeNodeRecordConformance(fixture: StoreFixture): void {
  describe('node records', () => {
    const start = (index: number, nodeId = `n${index}`) => ({ runId: 'r1', nodeId, index, attempt: 1, handler: 'codergen', startedAt: t0 + index });

    it('records a start as running, then its end', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.recordNodeStart(start(1, 'plan'));
      const running: NodeRecord = { ...start(1, 'plan'), status: 'running', finishedAt: undefined, notes: undefined, failureReason: undefined };
      expect(await store.listNodeRecords('r1')).toEqual([running]);

      await store.recordNodeEnd('r1', 1, { status: 'fail', finishedAt: t0 + 50, notes: 'tried', failureReason: 'exit code 2' });
      expect(await store.listNodeRecords('r1')).toEqual([{ ...running, status: 'fail', finishedAt: t0 + 50, notes: 'tried', failureReason: 'exit code 2' }]);
    });

    it('lists records in execution order, per run', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.createRun(newRun('r2'));
      for (const index of [2, 3, 1]) await store.recordNodeStart(start(index));
      await store.recordNodeStart({ ...start(1), runId: 'r2', nodeId: 'elsewhere' });
      await store.recordNodeEnd('r1', 2, { status: 'success', finishedAt: t0 + 9, notes: undefined, failureReason: undefined });
      const records = await store.listNodeRecords('r1');
      expect(records.map((record) => [record.index, record.nodeId, record.status])).toEqual([
        [1, 'n1', 'running'],
        [2, 'n2', 'success'],
        [3, 'n3', 'running'],
      ]);
      expect((await store.listNodeRecords('r2')).map((record) => record.nodeId)).toEqual(['elsewhere']);
      expect(await store.listNodeRecords('ghost')).toEqual([]);
    });

    it('rejects a second start with the same index', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.recordNodeStart(start(1));
      await expectStoreError(store.recordNodeStart(start(1, 'other')), 'E_STORE', 'node record #1 of run "r1" already exists');
      expect((await store.listNodeRecords('r1')).map((record) => record.nodeId)).toEqual(['n1']);
    });

    it('rejects an end without a start', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await expectStoreError(
        store.recordNodeEnd('r1', 4, { status: 'success', finishedAt: t0, notes: undefined, failureReason: undefined }),
        'E_STORE',
        'node record #4 of run "r1" does not exist',
      );
    });

    it('rejects records for an unknown run', async () => {
      const store = fixture.store();
      await expectStoreError(store.recordNodeStart({ ...start(1), runId: 'ghost' }), 'E_RUN_NOT_FOUND', 'run "ghost" does not exist in the store');
      await expectStoreError(
        store.recordNodeEnd('ghost', 1, { status: 'success', finishedAt: t0, notes: undefined, failureReason: undefined }),
        'E_RUN_NOT_FOUND',
        'run "ghost" does not exist in the store',
      );
    });
  });
}
