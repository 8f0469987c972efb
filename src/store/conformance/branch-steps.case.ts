import { describe, expect, it } from 'vitest';
import type { BranchStep } from '../types.js';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, logEvent, newRun, t0 } from './fixtures.case.js';

/** A step of branch `branch` after checkpoint `checkpointSeq`. */
function step(checkpointSeq: number, branch: string, position: number, overrides: Partial<BranchStep> = {}): BranchStep {
  return {
    checkpointSeq,
    branch,
    step: position,
    nodeId: `${branch}-${position}`,
    outcome: { status: 'success', notes: 'ok', contextUpdates: { [`${branch}.out`]: { list: [position, 'x'], none: null } } },
    at: t0 + position,
    ...overrides,
  };
}

export function describeBranchStepConformance(fixture: StoreFixture): void {
  describe('branch steps (issue 8.10)', () => {
    it('commits steps with their events and lists those of one checkpoint, each branch in step order', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.createRun(newRun('r2'));
      const retried = step(3, 'b', 1, { outcome: { status: 'fail', failureReason: 'boom' }, retryCount: 2, nodeRetries: 2 });
      const stored = await store.commitBranchSteps('r1', [step(3, 'b', 2), retried], [logEvent('b done')]);
      expect(stored).toEqual([{ ...logEvent('b done'), runId: 'r1', seq: 1 }]);
      await store.commitBranchSteps('r1', [step(3, 'a', 1), step(4, 'a', 1)], []);
      await store.commitBranchSteps('r2', [step(3, 'a', 1, { nodeId: 'elsewhere' })], []);

      expect(await store.listBranchSteps('r1', 3)).toEqual([step(3, 'a', 1), retried, step(3, 'b', 2)]);
      expect((await store.listBranchSteps('r1', 4)).map((s) => s.nodeId)).toEqual(['a-1']);
      expect(await store.listBranchSteps('r1', 5)).toEqual([]);
      expect(await store.listBranchSteps('ghost', 3)).toEqual([]);
      expect((await store.readEvents('r1', 0)).map((e) => e.seq)).toEqual([1]);
    });

    it('keeps a step that is already recorded; its events are still appended', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.commitBranchSteps('r1', [step(1, 'a', 1)], [logEvent('first')]);
      await store.commitBranchSteps('r1', [step(1, 'a', 1, { nodeId: 'again' }), step(1, 'a', 2)], [logEvent('second')]);
      expect((await store.listBranchSteps('r1', 1)).map((s) => s.nodeId)).toEqual(['a-1', 'a-2']);
      expect((await store.readEvents('r1', 0)).map((e) => e.seq)).toEqual([1, 2]);
    });

    it('stores nothing when the run is unknown or an event is bad', async () => {
      const store = fixture.store();
      await expectStoreError(store.commitBranchSteps('ghost', [step(1, 'a', 1)], []), 'E_RUN_NOT_FOUND', 'run "ghost" does not exist in the store');
      await store.createRun(newRun('r1'));
      const bad = { type: 'log', at: Number.NaN } as unknown as ReturnType<typeof logEvent>;
      await expect(store.commitBranchSteps('r1', [step(1, 'a', 1)], [logEvent('fine'), bad])).rejects.toMatchObject({ code: 'E_STORE' });
      expect(await store.listBranchSteps('r1', 1)).toEqual([]);
      expect(await store.readEvents('r1', 0)).toEqual([]);
    });
  });
}
