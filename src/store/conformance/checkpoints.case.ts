import { describe, expect, it } from 'vitest';
import type { EventInput } from '../types.js';
import type { StoreFixture } from './fixtures.case.js';
import { checkpoint, expectStoreError, logEvent, newRun, nodeStarted, t0 } from './fixtures.case.js';

export function describeCheckpointConformance(fixture: StoreFixture): void {
  describe('checkpoints', () => {
    it('decision 8: a checkpoint round-trips deep-equal, with next_node, outcomes, retries and context', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      const saved = checkpoint(1, { loopRestarts: 2 });
      await store.commitCheckpoint('r1', saved, {}, []);
      expect(await store.getCheckpoint('r1', 1)).toEqual(saved);
      expect(await store.latestCheckpoint('r1')).toEqual(saved);
    });

    it('decision 10: the final checkpoint keeps next_node null', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.commitCheckpoint('r1', checkpoint(1, { currentNode: 'exit', nextNode: null }), {}, []);
      expect(await store.latestCheckpoint('r1')).toMatchObject({ currentNode: 'exit', nextNode: null });
      expect(await store.listCheckpoints('r1')).toEqual([{ seq: 1, currentNode: 'exit', nextNode: null, timestamp: t0 + 1_000 }]);
    });

    it('commits the checkpoint, the run patch and the events together', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      const stored = await store.commitCheckpoint('r1', checkpoint(1), { currentNode: 'node1', updatedAt: t0 + 1_000 }, [
        nodeStarted('node1', 1),
        { type: 'checkpoint.saved', node: 'node1', checkpoint: 1, at: t0 + 1_000 },
      ]);
      expect(stored.map((event) => [event.runId, event.seq, event.type])).toEqual([
        ['r1', 1, 'node.started'],
        ['r1', 2, 'checkpoint.saved'],
      ]);
      expect(await store.readEvents('r1', 0)).toEqual(stored);
      expect(await store.getRun('r1')).toMatchObject({ currentNode: 'node1', updatedAt: t0 + 1_000 });
    });

    it('lists checkpoint heads in order and finds the latest by seq', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      for (const seq of [1, 3, 2]) await store.commitCheckpoint('r1', checkpoint(seq), {}, []);
      expect(await store.listCheckpoints('r1')).toEqual(
        [1, 2, 3].map((seq) => ({ seq, currentNode: `node${seq}`, nextNode: `node${seq + 1}`, timestamp: t0 + seq * 1_000 })),
      );
      expect((await store.latestCheckpoint('r1'))?.seq).toBe(3);
      expect(await store.getCheckpoint('r1', 2)).toEqual(checkpoint(2));
    });

    it('keeps the checkpoints of different runs apart', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.createRun(newRun('r2'));
      await store.commitCheckpoint('r1', checkpoint(1, { currentNode: 'a' }), {}, []);
      await store.commitCheckpoint('r2', checkpoint(1, { currentNode: 'b' }), {}, []);
      expect((await store.latestCheckpoint('r1'))?.currentNode).toBe('a');
      expect((await store.latestCheckpoint('r2'))?.currentNode).toBe('b');
    });

    it('returns nothing for a missing checkpoint or run', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      expect(await store.latestCheckpoint('r1')).toBeUndefined();
      expect(await store.getCheckpoint('r1', 1)).toBeUndefined();
      expect(await store.latestCheckpoint('ghost')).toBeUndefined();
      expect(await store.listCheckpoints('ghost')).toEqual([]);
    });

    it('is not changed by the caller mutating the checkpoint afterwards', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      const saved = checkpoint(1);
      await store.commitCheckpoint('r1', saved, {}, []);
      saved.completedNodes.push('later');
      (saved.context.nested as { list: unknown[] }).list.length = 0;
      expect(await store.getCheckpoint('r1', 1)).toEqual(checkpoint(1));
    });

    it('rejects a checkpoint for an unknown run', async () => {
      await expectStoreError(fixture.store().commitCheckpoint('ghost', checkpoint(1), {}, []), 'E_RUN_NOT_FOUND', 'run "ghost" does not exist in the store');
    });

    it.each([
      ['seq 0', { seq: 0 }, 'checkpoint of run "r1" has an invalid seq (got 0); it must be an integer from 1'],
      ['seq 1.5', { seq: 1.5 }, 'checkpoint of run "r1" has an invalid seq (got 1.5); it must be an integer from 1'],
      ['an empty currentNode', { currentNode: '' }, 'checkpoint 1 of run "r1" has no currentNode'],
      ['a NaN timestamp', { timestamp: Number.NaN }, 'checkpoint 1 of run "r1" has no valid timestamp (got NaN)'],
      ['a BigInt in its context', { context: { big: 10n } }, 'checkpoint 1 of run "r1" cannot be stored as JSON: Do not know how to serialize a BigInt'],
    ])('rejects a checkpoint with %s', async (_label, overrides, message) => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await expectStoreError(store.commitCheckpoint('r1', checkpoint(1, overrides), {}, []), 'E_STORE', message);
      expect(await store.listCheckpoints('r1')).toEqual([]);
    });

    describe('atomicity', () => {
      const badEvents: Array<[string, EventInput[], string]> = [
        ['an event without a type', [logEvent('ok'), { at: t0 } as unknown as EventInput], 'event 2 of run "r1" has no type (got nothing)'],
        ['an event without a time', [{ type: 'log', level: 'info', message: 'x' } as unknown as EventInput], 'event 1 of run "r1" (log) has no valid "at" time (got nothing)'],
        ['an event that is not an object', [logEvent('ok'), null as unknown as EventInput], 'event 2 of run "r1" is not an object'],
        ['an event JSON cannot hold', [{ ...logEvent('ok'), extra: 1n } as unknown as EventInput], 'event 1 of run "r1" (log) cannot be stored as JSON: Do not know how to serialize a BigInt'],
      ];

      it.each(badEvents)('a commit with %s leaves nothing behind', async (_label, events, message) => {
        const store = fixture.store();
        await store.createRun(newRun('r1'));
        await store.commitCheckpoint('r1', checkpoint(1), { currentNode: 'node1' }, [logEvent('first')]);
        await expectStoreError(store.commitCheckpoint('r1', checkpoint(2), { currentNode: 'node2', state: 'completed' }, events), 'E_STORE', message);
        expect((await store.latestCheckpoint('r1'))?.seq).toBe(1);
        expect(await store.getRun('r1')).toMatchObject({ currentNode: 'node1', state: 'running' });
        expect((await store.readEvents('r1', 0)).map((event) => event.seq)).toEqual([1]);
        // The failed commit consumed no sequence numbers: the next event is 2.
        expect((await store.appendEvents('r1', [logEvent('next')]))[0]?.seq).toBe(2);
      });

      it('a commit that repeats a checkpoint seq leaves nothing behind', async () => {
        const store = fixture.store();
        await store.createRun(newRun('r1'));
        await store.commitCheckpoint('r1', checkpoint(1), {}, []);
        await expectStoreError(
          store.commitCheckpoint('r1', checkpoint(1, { currentNode: 'other' }), { currentNode: 'other' }, [logEvent('x')]),
          'E_STORE',
          'checkpoint 1 of run "r1" already exists',
        );
        expect(await store.getCheckpoint('r1', 1)).toEqual(checkpoint(1));
        expect((await store.getRun('r1'))?.currentNode).toBeUndefined();
        expect(await store.readEvents('r1', 0)).toEqual([]);
      });
    });
  });
}
