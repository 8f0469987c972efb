import { describe, expect, it } from 'vitest';
import type { GuidedChange, NewGuidedDecision, NewGuidedInstance } from '../guided-types.js';
import type { StoreFixture } from './fixtures.case.js';
import { t0 } from './fixtures.case.js';
import { newHumanTask, tenantA, tenantB } from './human-task-fixtures.case.js';

function newInstance(id: string, overrides: Partial<NewGuidedInstance> = {}): NewGuidedInstance {
  return { id, workflowName: 'REFACTOR_WITH_TESTS', definitionDir: '/work/p/workflows/REFACTOR_WITH_TESTS', projectDir: '/work/p', currentStep: 'PLAN', status: 'running', context: { target: 'src/a.ts' }, createdAt: t0, ...overrides };
}

function decision(kind: NewGuidedDecision['kind'], at = t0, overrides: Partial<NewGuidedDecision> = {}): NewGuidedDecision {
  return { kind, input: { step: 'PLAN' }, output: { next: 'PLAN' }, reason: 'first step', by: 'rules', at, ...overrides };
}

function advance(version: number, next: string, at: number, overrides: Partial<GuidedChange> = {}): GuidedChange {
  return {
    expectedVersion: version,
    patch: { currentStep: next, context: { target: 'src/a.ts', tests: 3 }, updatedAt: at },
    history: { step: 'PLAN', report: { step_id: 'PLAN', status: 'success' }, contextUpdates: { tests: 3 }, at },
    decision: decision('advance', at, { output: { next }, reason: `${next} follows` }),
    ...overrides,
  };
}

export function describeGuidedConformance(fixture: StoreFixture): void {
  describe('guided workflows', () => {
    it('issue 13: stores an instance with its start decision; another tenant sees nothing of it', async () => {
      const store = fixture.store();
      const created = await store.createGuidedInstance(tenantA, newInstance('g1'), decision('start'));
      expect(created).toEqual({ ...newInstance('g1'), tenant: 'acme', updatedAt: t0, version: 1 });
      expect(await store.getGuidedInstance(tenantA, 'g1')).toEqual(created);
      expect(await store.readGuidedDecisions(tenantA, 'g1')).toEqual([{ seq: 1, ...decision('start') }]);
      expect(await store.readGuidedHistory(tenantA, 'g1')).toEqual([]);
      expect(await store.getGuidedInstance(tenantB, 'g1')).toBeUndefined();
      expect(await store.listGuidedInstances(tenantB)).toEqual([]);
      await expect(store.readGuidedHistory(tenantB, 'g1')).rejects.toMatchObject({ code: 'E_GUIDED_INSTANCE_NOT_FOUND', message: 'guided workflow instance "g1" does not exist' });
      await expect(store.commitGuidedChange(tenantB, 'g1', advance(1, 'TEST', t0 + 1))).rejects.toMatchObject({ code: 'E_GUIDED_INSTANCE_NOT_FOUND' });
      await expect(store.createGuidedInstance(tenantA, newInstance('g1'), decision('start'))).rejects.toMatchObject({ code: 'E_STORE' });
    });

    it('issue 13: lists newest first, by workflow name and status', async () => {
      const store = fixture.store();
      await store.createGuidedInstance(tenantA, newInstance('g1'), decision('start'));
      await store.createGuidedInstance(tenantA, newInstance('g2', { createdAt: t0 + 1, workflowName: 'WORK' }), decision('start'));
      await store.createGuidedInstance(tenantA, newInstance('g3', { createdAt: t0 + 2, status: 'completed' }), decision('start'));
      expect((await store.listGuidedInstances(tenantA)).map((g) => g.id)).toEqual(['g3', 'g2', 'g1']);
      expect((await store.listGuidedInstances(tenantA, { workflowName: 'REFACTOR_WITH_TESTS' })).map((g) => g.id)).toEqual(['g3', 'g1']);
      expect((await store.listGuidedInstances(tenantA, { status: ['running'], limit: 1 })).map((g) => g.id)).toEqual(['g2']);
    });

    it('issue 13: a change writes the state, the history entry and the decision together, numbered in order', async () => {
      const store = fixture.store();
      await store.createGuidedInstance(tenantA, newInstance('g1'), decision('start'));
      const after = await store.commitGuidedChange(tenantA, 'g1', advance(1, 'TEST', t0 + 10));
      expect(after).toMatchObject({ currentStep: 'TEST', context: { target: 'src/a.ts', tests: 3 }, version: 2, updatedAt: t0 + 10, status: 'running' });
      const done = await store.commitGuidedChange(tenantA, 'g1', advance(2, 'x', t0 + 20, { patch: { currentStep: null, status: 'completed', updatedAt: t0 + 20 } }));
      expect(done).not.toHaveProperty('currentStep');
      expect(done).toMatchObject({ status: 'completed', version: 3 });
      expect((await store.readGuidedHistory(tenantA, 'g1')).map((h) => [h.seq, h.at])).toEqual([[1, t0 + 10], [2, t0 + 20]]);
      expect((await store.readGuidedDecisions(tenantA, 'g1')).map((d) => [d.seq, d.kind])).toEqual([[1, 'start'], [2, 'advance'], [3, 'advance']]);
    });

    it('issue 13: a change decided on an old version is E_GUIDED_CONFLICT and writes nothing', async () => {
      const store = fixture.store();
      await store.createGuidedInstance(tenantA, newInstance('g1'), decision('start'));
      await store.commitGuidedChange(tenantA, 'g1', advance(1, 'TEST', t0 + 10));
      await expect(store.commitGuidedChange(tenantA, 'g1', advance(1, 'OTHER', t0 + 11))).rejects.toMatchObject({ code: 'E_GUIDED_CONFLICT' });
      expect(await store.getGuidedInstance(tenantA, 'g1')).toMatchObject({ currentStep: 'TEST', version: 2 });
      expect(await store.readGuidedHistory(tenantA, 'g1')).toHaveLength(1);
      expect(await store.readGuidedDecisions(tenantA, 'g1')).toHaveLength(2);
    });

    it('issue 13: the human task a step waits for is created with the change; a task id that exists writes nothing at all', async () => {
      const store = fixture.store();
      const origin = { kind: 'guided' as const, guidedId: 'g1', step: 'REVIEW' };
      await store.createGuidedInstance(tenantA, newInstance('g1'), decision('start'));
      const waiting = advance(1, 'REVIEW', t0 + 10, { humanTask: newHumanTask('h1', { createdBy: origin }) });
      waiting.patch = { ...waiting.patch, status: 'waiting', waitingFor: { step: 'REVIEW', humanTaskId: 'h1' } };
      expect(await store.commitGuidedChange(tenantA, 'g1', waiting)).toMatchObject({ status: 'waiting', waitingFor: { step: 'REVIEW', humanTaskId: 'h1' } });
      expect(await store.getHumanTask(tenantA, 'h1')).toMatchObject({ status: 'open', createdBy: origin });

      await store.createGuidedInstance(tenantA, newInstance('g2'), decision('start'));
      const clash = advance(1, 'REVIEW', t0 + 20, { humanTask: newHumanTask('h1', { title: 'again' }) });
      await expect(store.commitGuidedChange(tenantA, 'g2', clash)).rejects.toMatchObject({ code: 'E_STORE' });
      expect(await store.getGuidedInstance(tenantA, 'g2')).toMatchObject({ currentStep: 'PLAN', version: 1 });
      expect(await store.readGuidedHistory(tenantA, 'g2')).toEqual([]);
      await expect(store.createGuidedInstance(tenantA, newInstance('g3'), decision('start'), newHumanTask('h1'))).rejects.toMatchObject({ code: 'E_STORE' });
      expect(await store.getGuidedInstance(tenantA, 'g3')).toBeUndefined();
    });

    it('issue 13: the feed reports a start, each step and each status change, kind guided', async () => {
      const store = fixture.store();
      await store.createGuidedInstance(tenantA, newInstance('g1'), decision('start'));
      await store.commitGuidedChange(tenantA, 'g1', advance(1, 'TEST', t0 + 10));
      await store.commitGuidedChange(tenantA, 'g1', advance(2, 'x', t0 + 20, { patch: { currentStep: null, status: 'completed', updatedAt: t0 + 20 } }));
      const feed = await store.readFeed(tenantA, { filter: { guidedId: 'g1' }, limit: 10 });
      expect(feed.map(({ kind, subject, type, at, data }) => ({ kind, subject, type, at, data }))).toEqual([
        { kind: 'guided', subject: 'g1', type: 'guided.started', at: t0, data: { guidedId: 'g1', name: 'REFACTOR_WITH_TESTS', step: 'PLAN', status: 'running' } },
        { kind: 'guided', subject: 'g1', type: 'guided.step', at: t0 + 10, data: { guidedId: 'g1', name: 'REFACTOR_WITH_TESTS', step: 'TEST', status: 'running', previousStatus: 'running', version: 2 } },
        { kind: 'guided', subject: 'g1', type: 'guided.completed', at: t0 + 20, data: { guidedId: 'g1', name: 'REFACTOR_WITH_TESTS', status: 'completed', previousStatus: 'running', version: 3 } },
      ]);
      expect(await store.readFeed(tenantB, { limit: 10 })).toEqual([]);
      expect(await store.readFeed(tenantA, { filter: { kinds: ['guided'] }, limit: 10 })).toHaveLength(3);
    });
  });
}
