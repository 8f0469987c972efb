import { describe, expect, it } from 'vitest';
import { complete, suspend, wake } from '../workflow-transitions.js';
import type { StoreFixture } from './fixtures.case.js';
import { checkpoint, logEvent, newRun, nodeStarted, t0 } from './fixtures.case.js';
import { answerOnce, newHumanTask, tenantA, tenantB } from './human-task-fixtures.case.js';

const workflow = { id: 'w1', name: 'support', version: 'v1', input: {}, createdAt: t0 };

/** What the feed holds without ids (compared exactly; ids are checked apart). */
async function feedOf(fixture: StoreFixture, scope = tenantA) {
  return (await fixture.store().readFeed(scope, { limit: 100 })).map(({ id: _id, ...event }) => event);
}

export function describeFeedConformance(fixture: StoreFixture): void {
  describe('event feed', () => {
    it('issue 12: a run event, a human task answer and a workflow step each appear once, in commit order, in their tenant only', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1', { tenant: 'acme' }));
      await store.commitCheckpoint('r1', checkpoint(1), { currentNode: 'node1' }, [nodeStarted('plan', 1, t0 + 1)]);
      await store.createHumanTask(tenantA, newHumanTask('h1', { createdAt: t0 + 2 }));
      await store.updateHumanTask(tenantA, 'h1', answerOnce('ann', { answer: 'done' }, t0 + 3));
      await store.startWorkflow(tenantA, workflow);
      await store.appendJournal(tenantA, 'w1', { position: 0, kind: 'step', name: 'classify', result: 1, at: t0 + 4 });
      await store.appendJournal(tenantA, 'w1', { position: 1, kind: 'step', name: 'boom', error: { code: 'E_X', message: 'no' }, at: t0 + 5 });
      await store.updateWorkflow(tenantA, 'w1', suspend({ kind: 'signal', name: 'go' }, 0, t0 + 6));
      await store.updateWorkflow(tenantA, 'w1', wake(t0 + 7));
      await store.updateWorkflow(tenantA, 'w1', complete({ ok: true }, t0 + 7));
      await store.createRun(newRun('r2', { tenant: 'globex' }));
      await store.appendEvents('r2', [logEvent('other tenant', t0 + 8)]);

      expect(await feedOf(fixture)).toEqual([
        { kind: 'run', subject: 'r1', type: 'node.started', at: t0 + 1, data: { runId: 'r1', seq: 1, node: 'plan' } },
        { kind: 'human_task', subject: 'h1', type: 'human_task.created', at: t0 + 2, data: { humanTaskId: 'h1', seq: 1, actor: 'system', status: 'open' } },
        { kind: 'human_task', subject: 'h1', type: 'human_task.answered', at: t0 + 3, data: { humanTaskId: 'h1', seq: 2, actor: 'ann', status: 'completed' } },
        { kind: 'workflow', subject: 'w1', type: 'workflow.started', at: t0, data: { workflowId: 'w1', name: 'support', status: 'running' } },
        { kind: 'workflow', subject: 'w1', type: 'workflow.step', at: t0 + 4, data: { workflowId: 'w1', position: 0, kind: 'step', name: 'classify', ok: true } },
        { kind: 'workflow', subject: 'w1', type: 'workflow.step', at: t0 + 5, data: { workflowId: 'w1', position: 1, kind: 'step', name: 'boom', ok: false } },
        { kind: 'workflow', subject: 'w1', type: 'workflow.waiting', at: t0 + 6, data: { workflowId: 'w1', name: 'support', status: 'waiting', previousStatus: 'running' } },
        { kind: 'workflow', subject: 'w1', type: 'workflow.running', at: t0 + 7, data: { workflowId: 'w1', name: 'support', status: 'running', previousStatus: 'waiting' } },
        { kind: 'workflow', subject: 'w1', type: 'workflow.completed', at: t0 + 7, data: { workflowId: 'w1', name: 'support', status: 'completed', previousStatus: 'running' } },
      ]);
      expect(await feedOf(fixture, tenantB)).toEqual([{ kind: 'run', subject: 'r2', type: 'log', at: t0 + 8, data: { runId: 'r2', seq: 1 } }]);
      const ids = (await store.readFeed(tenantA, { limit: 100 })).map((event) => event.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(9);
    });

    it('issue 12: reads after a cursor, at most limit, filtered by subject (any of them) and kind', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1', { tenant: 'acme' }));
      await store.appendEvents('r1', [logEvent('one', t0), logEvent('two', t0 + 1)]);
      await store.createHumanTask(tenantA, newHumanTask('h1'));
      await store.startWorkflow(tenantA, workflow);
      const all = await store.readFeed(tenantA, { limit: 100 });
      expect(all.map((e) => e.type)).toEqual(['log', 'log', 'human_task.created', 'workflow.started']);
      expect(await store.readFeed(tenantA, { after: all[0]?.id, limit: 2 })).toEqual(all.slice(1, 3));
      const types = async (filter: Parameters<typeof store.readFeed>[1]['filter']) => (await store.readFeed(tenantA, { limit: 100, filter })).map((e) => e.subject);
      expect(await types({ runId: 'r1' })).toEqual(['r1', 'r1']);
      expect(await types({ runId: 'r1', workflowId: 'w1' })).toEqual(['r1', 'r1', 'w1']);
      expect(await types({ humanTaskId: 'h1' })).toEqual(['h1']);
      expect(await types({ kinds: ['workflow', 'human_task'] })).toEqual(['h1', 'w1']);
      expect(await types({ runId: 'r1', kinds: ['workflow'] })).toEqual([]);
      expect(await types({ runId: 'nope' })).toEqual([]);
      expect(await store.readFeed(tenantB, { limit: 100 })).toEqual([]);
    });

    it('issue 15: the feed head is the id of the tenant\'s newest event (0 for none), and reading after it gives only later events', async () => {
      const store = fixture.store();
      expect(await store.feedHead(tenantA)).toBe(0);
      await store.createRun(newRun('r1', { tenant: 'acme' }));
      await store.appendEvents('r1', [logEvent('one', t0), logEvent('two', t0 + 1)]);
      const head = await store.feedHead(tenantA);
      expect(head).toBe((await store.readFeed(tenantA, { limit: 100 })).at(-1)?.id);
      expect(await store.feedHead(tenantB)).toBe(0);
      expect(await store.readFeed(tenantA, { after: head, limit: 100 })).toEqual([]);
      await store.createRun(newRun('r2', { tenant: 'globex' }));
      await store.appendEvents('r2', [logEvent('other tenant', t0 + 2)]);
      expect(await store.feedHead(tenantA)).toBe(head);
      await store.appendEvents('r1', [logEvent('three', t0 + 3)]);
      expect((await store.readFeed(tenantA, { after: head, limit: 100 })).map((e) => e.data.seq)).toEqual([3]);
      expect(await store.feedHead(tenantA)).toBeGreaterThan(head);
    });

    it('issue 12: appends events the store cannot see (a coding task), refuses a bad one whole, and prunes by time', async () => {
      const store = fixture.store();
      const appended = await store.appendFeedEvents(tenantA, [{ kind: 'task', subject: '3', type: 'task.status', at: t0, data: { taskId: 3, status: 'running' } }]);
      expect(appended).toEqual([{ id: expect.any(Number), kind: 'task', subject: '3', type: 'task.status', at: t0, data: { taskId: 3, status: 'running' } }]);
      const bad = [{ kind: 'task', subject: '4', type: 'task.status', at: t0, data: {} }, { kind: 'nope', subject: '4', type: 'x', at: t0, data: {} }] as never;
      await expect(store.appendFeedEvents(tenantA, bad)).rejects.toMatchObject({ code: 'E_STORE', message: 'feed event 2 has kind "nope"; expected one of run, human_task, workflow, task, guided' });
      await store.appendFeedEvents(tenantA, [{ kind: 'task', subject: '3', type: 'task.status', at: t0 + 10, data: { taskId: 3, status: 'completed' } }]);
      expect(await store.readFeed(tenantA, { limit: 100, filter: { taskRef: '3' } })).toHaveLength(2);
      expect(await store.pruneFeed(t0 + 5)).toBe(1);
      const kept = await store.readFeed(tenantA, { limit: 100 });
      expect(kept.map((e) => e.data.status)).toEqual(['completed']);
      const next = await store.appendFeedEvents(tenantA, [{ kind: 'task', subject: '3', type: 'task.removed', at: t0 + 11, data: {} }]);
      expect(next[0]?.id).toBeGreaterThan(kept[0]?.id ?? Infinity);
    });
  });
}
