import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../types.js';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, newRun, t0 } from './fixtures.case.js';

export function describeRunConformance(fixture: StoreFixture): void {
  describe('runs', () => {
    it('creates a run in state running, updated when it started, and reads it back', async () => {
      const store = fixture.store();
      const created = await store.createRun(newRun('r1'));
      const expected: RunRecord = {
        ...newRun('r1'),
        state: 'running',
        currentNode: undefined,
        parentRunId: undefined,
        parentCheckpoint: undefined,
        updatedAt: t0,
        finishedAt: undefined,
        outcome: undefined,
        error: undefined,
        tenant: 'default',
      };
      expect(created).toEqual(expected);
      expect(await store.getRun('r1')).toEqual(expected);
    });

    it('keeps the parent of a replayed run', async () => {
      const store = fixture.store();
      await store.createRun(newRun('child', { parentRunId: 'parent', parentCheckpoint: 4 }));
      expect(await store.getRun('child')).toMatchObject({ parentRunId: 'parent', parentCheckpoint: 4 });
    });

    it('issue 10: keeps the tenant a run was started in, in every read', async () => {
      const store = fixture.store();
      await store.createRun(newRun('acme1', { tenant: 'acme' }));
      await store.createRun(newRun('plain'));
      await store.updateRun('acme1', { state: 'interrupted', updatedAt: t0 + 5 });
      expect((await store.getRun('acme1'))?.tenant).toBe('acme');
      expect((await store.findRunsByPrefix('acme'))[0]?.tenant).toBe('acme');
      const listed = await store.listRuns({ state: 'interrupted' });
      expect(listed.map((run) => [run.id, run.tenant])).toEqual([['acme1', 'acme']]);
      expect((await store.getRun('plain'))?.tenant).toBe('default');
    });

    it('returns undefined for an unknown run', async () => {
      expect(await fixture.store().getRun('nope')).toBeUndefined();
    });

    it('rejects a second run with the same id and keeps the first', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1', { goal: 'first' }));
      await expectStoreError(store.createRun(newRun('r1', { goal: 'second' })), 'E_STORE', 'run "r1" already exists in the store');
      expect((await store.getRun('r1'))?.goal).toBe('first');
    });

    it('does not share variables or options with the caller', async () => {
      const store = fixture.store();
      const input = newRun('r1');
      await store.createRun(input);
      input.variables.pr_number = 'changed';
      (input.options.nested as { autoApprove: string[] }).autoApprove.push('x');
      const stored = await store.getRun('r1');
      expect(stored?.variables).toEqual({ pr_number: '123' });
      expect(stored?.options).toEqual({ simulate: true, nested: { autoApprove: ['gate'] } });
    });

    describe('findRunsByPrefix', () => {
      const seed = async () => {
        const store = fixture.store();
        await store.createRun(newRun('abc1', { startedAt: t0 + 1 }));
        await store.createRun(newRun('abc2', { startedAt: t0 + 3 }));
        await store.createRun(newRun('abd1', { startedAt: t0 + 2 }));
        await store.createRun(newRun('a_b', { startedAt: t0 }));
        await store.createRun(newRun('axb', { startedAt: t0 }));
        return store;
      };

      it.each([
        ['ab', ['abc2', 'abd1', 'abc1']],
        ['abc', ['abc2', 'abc1']],
        ['abc1', ['abc1']],
        ['abc12', []],
        ['x', []],
        ['ABC', []],
        ['a_', ['a_b']],
        ['a%', []],
      ])('prefix %j finds %j, newest first', async (prefix, ids) => {
        const store = await seed();
        expect((await store.findRunsByPrefix(prefix)).map((run) => run.id)).toEqual(ids);
      });

      it('an empty prefix finds every run, newest first and by id on equal start times', async () => {
        const store = await seed();
        expect((await store.findRunsByPrefix('')).map((run) => run.id)).toEqual(['abc2', 'abd1', 'abc1', 'axb', 'a_b']);
      });
    });

    describe('listRuns', () => {
      const seed = async () => {
        const store = fixture.store();
        await store.createRun(newRun('r1', { startedAt: t0 + 10 }));
        await store.createRun(newRun('r2', { startedAt: t0 + 30 }));
        await store.createRun(newRun('r3', { startedAt: t0 + 20 }));
        await store.createRun(newRun('r4', { startedAt: t0 + 20 }));
        await store.updateRun('r1', { state: 'completed' });
        await store.updateRun('r3', { state: 'completed' });
        await store.updateRun('r4', { state: 'failed' });
        return store;
      };

      it.each([
        [{}, ['r2', 'r4', 'r3', 'r1']],
        [undefined, ['r2', 'r4', 'r3', 'r1']],
        [{ limit: 2 }, ['r2', 'r4']],
        [{ limit: 0 }, []],
        [{ limit: 10 }, ['r2', 'r4', 'r3', 'r1']],
        [{ state: 'completed' as const }, ['r3', 'r1']],
        [{ state: 'completed' as const, limit: 1 }, ['r3']],
        [{ state: 'running' as const }, ['r2']],
        [{ state: 'interrupted' as const }, []],
      ])('filter %j lists %j', async (filter, ids) => {
        const store = await seed();
        expect((await store.listRuns(filter)).map((run) => run.id)).toEqual(ids);
      });
    });

    describe('updateRun', () => {
      it('sets the fields in the patch and leaves the others alone', async () => {
        const store = fixture.store();
        await store.createRun(newRun('r1'));
        await store.updateRun('r1', { currentNode: 'plan', updatedAt: t0 + 5 });
        await store.updateRun('r1', { state: 'failed', finishedAt: t0 + 9, outcome: 'fail', error: 'boom' });
        expect(await store.getRun('r1')).toMatchObject({
          state: 'failed',
          currentNode: 'plan',
          updatedAt: t0 + 5,
          finishedAt: t0 + 9,
          outcome: 'fail',
          error: 'boom',
          goal: 'Review the pull request',
        });
      });

      it('clears optional fields given as undefined (a resumed run), but never state or updatedAt', async () => {
        const store = fixture.store();
        await store.createRun(newRun('r1'));
        await store.updateRun('r1', { state: 'failed', currentNode: 'plan', finishedAt: t0 + 9, outcome: 'fail', error: 'boom', updatedAt: t0 + 9 });
        await store.updateRun('r1', { state: undefined, updatedAt: undefined, finishedAt: undefined, outcome: undefined, error: undefined });
        const run = await store.getRun('r1');
        expect(run).toMatchObject({ state: 'failed', currentNode: 'plan', updatedAt: t0 + 9 });
        expect([run?.finishedAt, run?.outcome, run?.error]).toEqual([undefined, undefined, undefined]);
      });

      it.each([[{ state: 'completed' as const }], [{}]])('rejects patch %j for an unknown run', async (patch) => {
        await expectStoreError(fixture.store().updateRun('ghost', patch), 'E_RUN_NOT_FOUND', 'run "ghost" does not exist in the store');
      });
    });
  });
}
