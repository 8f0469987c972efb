import { describe, expect, it } from 'vitest';
import type { EventInput } from '../types.js';
import type { StoreFixture } from './fixtures.case.js';
import { checkpoint, expectStoreError, logEvent, newRun, t0 } from './fixtures.case.js';

export function describeEventConformance(fixture: StoreFixture): void {
  describe('events', () => {
    it('numbers events per run from 1 without gaps, across appends and commits', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.createRun(newRun('r2'));
      await store.appendEvents('r1', [logEvent('a'), logEvent('b')]);
      await store.appendEvents('r2', [logEvent('other')]);
      await store.commitCheckpoint('r1', checkpoint(1), {}, [logEvent('c')]);
      await store.appendEvents('r1', []);
      await store.commitCheckpoint('r1', checkpoint(2), {}, []);
      await store.appendEvents('r1', [logEvent('d'), logEvent('e'), logEvent('f')]);
      const events = await store.readEvents('r1', 0);
      expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(events.map((event) => (event.type === 'log' ? event.message : ''))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      expect((await store.readEvents('r2', 0)).map((event) => [event.seq, event.runId])).toEqual([[1, 'r2']]);
    });

    it('returns the stored events as readers will see them', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      const input: EventInput[] = [
        { type: 'interview.started', node: 'gate', question: 'Ship?', options: [{ key: 'Y', label: 'Yes' }, { key: 'N', label: 'No' }], at: t0 + 1 },
        { type: 'run.failed', error: 'boom', code: 'E_TOOL_TIMEOUT', durationMs: 12.5, node: 'test', at: t0 + 2 },
      ];
      const stored = await store.appendEvents('r1', input);
      expect(stored).toEqual(input.map((event, i) => ({ ...event, runId: 'r1', seq: i + 1 })));
      expect(await store.readEvents('r1', 0)).toEqual(stored);
    });

    it.each([
      [0, undefined, [1, 2, 3, 4, 5]],
      [2, undefined, [3, 4, 5]],
      [0, 2, [1, 2]],
      [3, 1, [4]],
      [3, 10, [4, 5]],
      [5, undefined, []],
      [9, 3, []],
      [0, 0, []],
    ])('after seq %i with limit %s reads %j, oldest first', async (afterSeq, limit, seqs) => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.appendEvents('r1', ['a', 'b', 'c', 'd', 'e'].map((message) => logEvent(message)));
      expect((await store.readEvents('r1', afterSeq, limit)).map((event) => event.seq)).toEqual(seqs);
    });

    it('reads no events for an unknown run', async () => {
      expect(await fixture.store().readEvents('ghost', 0)).toEqual([]);
    });

    it('stays gapless over many batches', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      for (let batch = 0; batch < 10; batch++) {
        await store.appendEvents('r1', Array.from({ length: batch % 4 }, (_, i) => logEvent(`${batch}.${i}`)));
      }
      const seqs = (await store.readEvents('r1', 0)).map((event) => event.seq);
      expect(seqs).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    });

    it("issue 15: sums each run's agent turns' cost for many runs at once (0 for a run without turns, or unknown)", async () => {
      const store = fixture.store();
      const turn = (costUsd: number): EventInput => ({ type: 'agent.turn', node: 'work', turn: 1, inputTokens: 10, outputTokens: 5, costUsd, toolCalls: [], at: t0 });
      for (const id of ['r1', 'r2', 'r3']) await store.createRun(newRun(id));
      await store.appendEvents('r1', [turn(0.25), logEvent('between'), turn(0.5)]);
      await store.commitCheckpoint('r1', checkpoint(1), {}, [turn(0.125)]);
      await store.appendEvents('r2', [logEvent('no turns')]);
      await store.appendEvents('r3', [turn(1)]);
      expect(await store.runCosts(['r1', 'r2', 'ghost'])).toEqual(new Map([['r1', 0.875], ['r2', 0], ['ghost', 0]]));
      expect(await store.runCosts([])).toEqual(new Map());
    });

    it('rejects events for an unknown run', async () => {
      await expectStoreError(fixture.store().appendEvents('ghost', [logEvent('x')]), 'E_RUN_NOT_FOUND', 'run "ghost" does not exist in the store');
    });

    it.each([
      [{ type: '', at: t0 }, 'event 2 of run "r1" has no type (got "")'],
      [{ type: 7, at: t0 }, 'event 2 of run "r1" has no type (got 7)'],
      [{ type: 'log', at: Number.POSITIVE_INFINITY }, 'event 2 of run "r1" (log) has no valid "at" time (got Infinity)'],
      [{ type: 'log', at: '2024-01-01' }, 'event 2 of run "r1" (log) has no valid "at" time (got "2024-01-01")'],
      [[], 'event 2 of run "r1" is not an object'],
    ])('rejects a batch whose second event is %j, appending none of it', async (bad, message) => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await expectStoreError(store.appendEvents('r1', [logEvent('ok'), bad as unknown as EventInput]), 'E_STORE', message);
      expect(await store.readEvents('r1', 0)).toEqual([]);
    });
  });
}
