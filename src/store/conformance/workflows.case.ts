import { describe, expect, it } from 'vitest';
import { cancel, complete, suspend, wake } from '../workflow-transitions.js';
import type { NewJournalEntry, NewWorkflowInstance } from '../workflow-types.js';
import type { StoreFixture } from './fixtures.case.js';
import { t0 } from './fixtures.case.js';
import { answerOnce, newHumanTask, tenantA, tenantB } from './human-task-fixtures.case.js';

const ttl = 30_000;

function newInstance(id: string, overrides: Partial<NewWorkflowInstance> = {}): NewWorkflowInstance {
  return { id, name: 'customer-support', version: 'v1', input: { question: 'Where is my order?', nested: { list: [1, null] } }, createdAt: t0, ...overrides };
}

function stepEntry(position: number, name = `step-${position}`): NewJournalEntry {
  return { position, kind: 'step', name, result: { n: position }, at: t0 + position };
}

export function describeWorkflowConformance(fixture: StoreFixture): void {
  describe('workflows', () => {
    it('issue 11: starts an instance running, and starting the same id again returns it unchanged', async () => {
      const store = fixture.store();
      const first = await store.startWorkflow(tenantA, newInstance('w1'));
      expect(first).toEqual({ created: true, instance: { id: 'w1', tenant: 'acme', name: 'customer-support', version: 'v1', input: { question: 'Where is my order?', nested: { list: [1, null] } }, status: 'running', wakeups: 0, createdAt: t0, updatedAt: t0 } });
      const again = await store.startWorkflow(tenantA, newInstance('w1', { version: 'v2', input: 'other' }));
      expect(again).toEqual({ created: false, instance: first.instance });
      expect(await store.getWorkflow(tenantA, 'w1')).toEqual(first.instance);
    });

    it("issue 11: tenant B neither sees tenant A's instance nor signals or journals it", async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      expect(await store.getWorkflow(tenantB, 'w1')).toBeUndefined();
      expect(await store.listWorkflows(tenantB)).toEqual([]);
      await expect(store.sendSignal(tenantB, 'w1', 'go', {}, t0)).rejects.toMatchObject({ code: 'E_WORKFLOW_NOT_FOUND', message: 'workflow instance "w1" does not exist' });
      await expect(store.appendJournal(tenantB, 'w1', stepEntry(0))).rejects.toMatchObject({ code: 'E_WORKFLOW_NOT_FOUND' });
      expect(await store.readJournal(tenantA, 'w1')).toEqual([]);
    });

    it('issue 11: lists the tenant\'s instances newest first, filtered by status, name and parent', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('old'));
      await store.startWorkflow(tenantA, newInstance('new', { createdAt: t0 + 5, name: 'refund', parentId: 'old' }));
      await store.updateWorkflow(tenantA, 'old', complete({ ok: true }, t0 + 9));
      expect((await store.listWorkflows(tenantA)).map((w) => w.id)).toEqual(['new', 'old']);
      expect((await store.listWorkflows(tenantA, { status: ['completed'] })).map((w) => w.id)).toEqual(['old']);
      expect((await store.listWorkflows(tenantA, { name: 'refund' })).map((w) => w.id)).toEqual(['new']);
      expect((await store.listWorkflows(tenantA, { parentId: 'old' })).map((w) => w.id)).toEqual(['new']);
      expect((await store.listWorkflows(tenantA, { limit: 1 })).map((w) => w.id)).toEqual(['new']);
    });

    it('issue 11: journals entries in position order; a taken position is E_WORKFLOW_CONFLICT and a gap is refused', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      expect(await store.appendJournal(tenantA, 'w1', stepEntry(0))).toEqual({ instanceId: 'w1', position: 0, kind: 'step', name: 'step-0', result: { n: 0 }, at: t0 });
      await store.appendJournal(tenantA, 'w1', { position: 1, kind: 'step', name: 'boom', error: { code: 'E_X', message: 'no', name: 'TypeError' }, at: t0 + 1 });
      await expect(store.appendJournal(tenantA, 'w1', stepEntry(0, 'other'))).rejects.toMatchObject({ code: 'E_WORKFLOW_CONFLICT', message: 'position 0 of workflow instance "w1" is already journaled' });
      await expect(store.appendJournal(tenantA, 'w1', stepEntry(5))).rejects.toMatchObject({ code: 'E_STORE' });
      await expect(store.appendJournal(tenantA, 'w1', { ...stepEntry(2), result: { f: 10n } as never })).rejects.toMatchObject({ code: 'E_STORE' });
      const journal = await store.readJournal(tenantA, 'w1');
      expect(journal.map((entry) => [entry.position, entry.name])).toEqual([[0, 'step-0'], [1, 'boom']]);
      expect(journal[1]).toEqual({ instanceId: 'w1', position: 1, kind: 'step', name: 'boom', error: { code: 'E_X', message: 'no', name: 'TypeError' }, at: t0 + 1 });
      expect((await store.readJournal(tenantA, 'w1', 1)).map((entry) => entry.position)).toEqual([1]);
    });

    it('issue 11: of two appends of one position at the same moment, exactly one is journaled', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      const results = await Promise.allSettled([store.appendJournal(tenantA, 'w1', stepEntry(0, 'a')), store.appendJournal(tenantA, 'w1', stepEntry(0, 'b'))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'E_WORKFLOW_CONFLICT' } });
      expect(await store.readJournal(tenantA, 'w1')).toHaveLength(1);
    });

    it('issue 11: a finished instance journals nothing more and takes no signal (E_WORKFLOW_STATE)', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      await store.updateWorkflow(tenantA, 'w1', complete({ answer: 42 }, t0 + 1));
      await expect(store.appendJournal(tenantA, 'w1', stepEntry(0))).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE' });
      await expect(store.sendSignal(tenantA, 'w1', 'approve', {}, t0 + 2)).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE', message: 'cannot send signal "approve" to workflow instance "w1": it is completed' });
      await expect(store.updateWorkflow(tenantA, 'w1', cancel(t0 + 3))).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE' });
      expect(await store.getWorkflow(tenantA, 'w1')).toMatchObject({ status: 'completed', result: { answer: 42 }, finishedAt: t0 + 1 });
      expect(await store.listSignals(tenantA, 'w1')).toEqual([]);
    });

    it('issue 11: a signal sent before anyone waits is kept, and consumed once, oldest first, with its journal entry', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      await store.sendSignal(tenantA, 'w1', 'approve', { by: 'ann' }, t0 + 1);
      await store.sendSignal(tenantA, 'w1', 'approve', { by: 'bob' }, t0 + 2);
      expect(await store.receiveSignal(tenantA, 'w1', 'reject', 0, t0 + 3)).toBeUndefined();
      expect(await store.receiveSignal(tenantA, 'w1', 'approve', 0, t0 + 3)).toEqual({ instanceId: 'w1', position: 0, kind: 'signal', name: 'approve', result: { payload: { by: 'ann' } }, at: t0 + 3 });
      await expect(store.receiveSignal(tenantA, 'w1', 'approve', 0, t0 + 4)).rejects.toMatchObject({ code: 'E_WORKFLOW_CONFLICT' });
      expect(await store.listSignals(tenantA, 'w1')).toEqual([
        { instanceId: 'w1', seq: 1, name: 'approve', payload: { by: 'ann' }, sentAt: t0 + 1, consumedAt: t0 + 3, consumedBy: 0 },
        { instanceId: 'w1', seq: 2, name: 'approve', payload: { by: 'bob' }, sentAt: t0 + 2 },
      ]);
      expect((await store.receiveSignal(tenantA, 'w1', 'approve', 1, t0 + 5))?.result).toEqual({ payload: { by: 'bob' } });
      expect(await store.receiveSignal(tenantA, 'w1', 'approve', 2, t0 + 6)).toBeUndefined();
    });

    it('issue 11: a signal wakes an instance waiting for its name only, and a wake refuses a suspend decided before it', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      const waiting = await store.updateWorkflow(tenantA, 'w1', suspend({ kind: 'signal', name: 'approve' }, 0, t0 + 1));
      expect(waiting).toMatchObject({ status: 'waiting', waitingOn: { kind: 'signal', name: 'approve' } });
      await store.sendSignal(tenantA, 'w1', 'other', null, t0 + 2);
      expect(await store.getWorkflow(tenantA, 'w1')).toMatchObject({ status: 'waiting', wakeups: 0 });
      await store.sendSignal(tenantA, 'w1', 'approve', null, t0 + 3);
      const woken = await store.getWorkflow(tenantA, 'w1');
      expect(woken).toMatchObject({ status: 'running', wakeups: 1, updatedAt: t0 + 3 });
      expect(woken?.waitingOn).toBeUndefined();
      // The runtime read wakeups 1; a wake arrives; its suspend must not put the instance to sleep.
      await store.updateWorkflow(tenantA, 'w1', wake(t0 + 4));
      expect(await store.updateWorkflow(tenantA, 'w1', suspend({ kind: 'timer', timerId: 't', until: t0 + 9 }, 1, t0 + 5))).toMatchObject({ status: 'running', wakeups: 2 });
    });

    it('issue 11: a child that finishes wakes its parent waiting on it in the same step; a parent waiting on another child stays asleep', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('parent'));
      await store.startWorkflow(tenantA, newInstance('kid', { parentId: 'parent' }));
      await store.startWorkflow(tenantA, newInstance('other-kid', { parentId: 'parent' }));
      await store.updateWorkflow(tenantA, 'parent', suspend({ kind: 'child', instanceId: 'kid' }, 0, t0 + 1));
      await store.updateWorkflow(tenantA, 'other-kid', complete('ignored', t0 + 2));
      expect(await store.getWorkflow(tenantA, 'parent')).toMatchObject({ status: 'waiting', wakeups: 0 });
      await store.updateWorkflow(tenantA, 'kid', complete({ shipped: true }, t0 + 3));
      expect(await store.getWorkflow(tenantA, 'parent')).toMatchObject({ status: 'running', wakeups: 1, updatedAt: t0 + 3 });
      expect(await store.getWorkflow(tenantA, 'parent')).not.toHaveProperty('waitingOn');
    });

    it('issue 11: cancelling marks the instance cancelled with its cleanup pending', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      await store.updateWorkflow(tenantA, 'w1', suspend({ kind: 'task', taskId: 'h1' }, 0, t0 + 1));
      const cancelled = await store.updateWorkflow(tenantA, 'w1', cancel(t0 + 2));
      expect(cancelled).toMatchObject({ status: 'cancelled', cleanupPending: true, finishedAt: t0 + 2 });
      expect(cancelled.waitingOn).toBeUndefined();
    });

    it('issue 11: leases: one owner at a time, taken over only when lapsed; release by others is a no-op', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      expect(await store.acquireWorkflowLease(tenantA, 'w1', 'p1', ttl, t0)).toBe(true);
      expect(await store.acquireWorkflowLease(tenantA, 'w1', 'p2', ttl, t0 + ttl - 1)).toBe(false);
      expect(await store.renewWorkflowLease(tenantA, 'w1', 'p2', ttl, t0)).toBe(false);
      await store.releaseWorkflowLease(tenantA, 'w1', 'p2');
      expect(await store.getWorkflow(tenantA, 'w1')).toMatchObject({ leaseOwner: 'p1', leaseExpiresAt: t0 + ttl });
      expect(await store.acquireWorkflowLease(tenantA, 'w1', 'p2', ttl, t0 + ttl)).toBe(true);
      expect(await store.renewWorkflowLease(tenantA, 'w1', 'p1', ttl, t0 + ttl)).toBe(false);
      await store.releaseWorkflowLease(tenantA, 'w1', 'p2');
      const released = await store.getWorkflow(tenantA, 'w1');
      expect(released?.leaseOwner).toBeUndefined();
      expect(await store.acquireWorkflowLease(tenantB, 'w1', 'p3', ttl, t0).catch((e: { code: string }) => e.code)).toBe('E_WORKFLOW_NOT_FOUND');
    });

    it('issue 11: an instance keeps its project dir, and one started leased is not claimed until its lease is released', async () => {
      const store = fixture.store();
      const { instance } = await store.startWorkflow(tenantA, newInstance('fork', { projectDir: '/srv/support', lease: { owner: 'forker', expiresAt: t0 + ttl } }));
      expect(instance).toMatchObject({ projectDir: '/srv/support', leaseOwner: 'forker', leaseExpiresAt: t0 + ttl });
      expect(await store.getWorkflow(tenantA, 'fork')).toEqual(instance);
      expect(await store.claimRunnableWorkflows('worker', t0 + 1, ttl, 10)).toEqual([]);
      await store.releaseWorkflowLease(tenantA, 'fork', 'forker');
      expect((await store.claimRunnableWorkflows('worker', t0 + 2, ttl, 10)).map((w) => [w.id, w.projectDir])).toEqual([['fork', '/srv/support']]);
    });

    it('issue 11: a worker claims runnable instances only (running or cleaning up, lease free), each by one of two claimers', async () => {
      const store = fixture.store();
      for (let i = 0; i < 6; i++) await store.startWorkflow(i % 2 ? tenantB : tenantA, newInstance(`r${i}`, { createdAt: t0 + i }));
      await store.startWorkflow(tenantA, newInstance('waits'));
      await store.updateWorkflow(tenantA, 'waits', suspend({ kind: 'task', taskId: 'h1' }, 0, t0));
      await store.startWorkflow(tenantA, newInstance('done'));
      await store.updateWorkflow(tenantA, 'done', complete(null, t0));
      await store.startWorkflow(tenantA, newInstance('cancelled', { createdAt: t0 + 10 }));
      await store.updateWorkflow(tenantA, 'cancelled', cancel(t0 + 10));
      await store.startWorkflow(tenantA, newInstance('held'));
      await store.acquireWorkflowLease(tenantA, 'held', 'other', ttl, t0);
      const [a, b] = await Promise.all([store.claimRunnableWorkflows('p1', t0 + 20, ttl, 4), store.claimRunnableWorkflows('p2', t0 + 20, ttl, 4)]);
      expect([...a, ...b].map((w) => w.id).sort()).toEqual(['cancelled', 'r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
      expect(a[0]).toMatchObject({ leaseOwner: 'p1', leaseExpiresAt: t0 + 20 + ttl });
      expect(await store.claimRunnableWorkflows('p3', t0 + 20, ttl, 10)).toEqual([]);
      expect((await store.claimRunnableWorkflows('p3', t0 + 20 + ttl, ttl, 10)).map((w) => w.id)).toContain('held');
    });

    it('issue 11: an instance keeps the project folder it started from, and a claim can be narrowed to one folder', async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('in-a', { projectDir: '/p/a' }));
      await store.startWorkflow(tenantB, newInstance('in-b', { projectDir: '/p/b', createdAt: t0 + 1 }));
      await store.startWorkflow(tenantA, newInstance('nowhere', { createdAt: t0 + 2 }));
      expect(await store.getWorkflow(tenantA, 'in-a')).toMatchObject({ projectDir: '/p/a' });
      expect((await store.getWorkflow(tenantA, 'nowhere'))?.projectDir).toBeUndefined();
      expect((await store.claimRunnableWorkflows('pa', t0, ttl, 10, { projectDir: '/p/a' })).map((w) => w.id)).toEqual(['in-a', 'nowhere']);
      expect((await store.claimRunnableWorkflows('pd', t0 + ttl, ttl, 10, { requireProjectDir: true })).map((w) => w.id)).toEqual(['in-a', 'in-b']);
      expect((await store.claimRunnableWorkflows('pc', t0 + 2 * ttl, ttl, 10, { projectDir: '/p/c', requireProjectDir: true })).map((w) => w.id)).toEqual([]);
      expect((await store.claimRunnableWorkflows('px', t0 + 2 * ttl, ttl, 10)).map((w) => w.id)).toEqual(['in-a', 'in-b', 'nowhere']);
    });

    it("issue 11: answering a workflow's human task wakes the instance waiting on it in the same step; other tasks wake nothing", async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      await store.updateWorkflow(tenantA, 'w1', suspend({ kind: 'task', taskId: 'wf:w1:0' }, 0, t0));
      await store.createHumanTask(tenantA, newHumanTask('wf:w1:0', { createdBy: { kind: 'workflow', workflowId: 'w1', step: 'ask' } }));
      await store.createHumanTask(tenantA, newHumanTask('other', { createdBy: { kind: 'workflow', workflowId: 'w1', step: 'x' } }));
      await store.createHumanTask(tenantA, newHumanTask('orphan', { createdBy: { kind: 'workflow', workflowId: 'gone', step: 'x' } }));
      await store.updateHumanTask(tenantA, 'other', answerOnce('ann', { answer: 'no' }));
      await store.updateHumanTask(tenantA, 'orphan', answerOnce('ann', { answer: 'no' }));
      expect(await store.getWorkflow(tenantA, 'w1')).toMatchObject({ status: 'waiting', wakeups: 0 });
      await store.updateHumanTask(tenantA, 'wf:w1:0', answerOnce('ann', { answer: 'yes' }, t0 + 7));
      expect(await store.getWorkflow(tenantA, 'w1')).toMatchObject({ status: 'running', wakeups: 1, updatedAt: t0 + 7 });
    });

    it("issue 11: an SLA timer that settles a workflow's task (its final step) wakes the instance too", async () => {
      const store = fixture.store();
      await store.startWorkflow(tenantA, newInstance('w1'));
      await store.updateWorkflow(tenantA, 'w1', suspend({ kind: 'task', taskId: 'wf:w1:0' }, 0, t0));
      await store.createHumanTask(tenantA, newHumanTask('wf:w1:0', { createdBy: { kind: 'workflow', workflowId: 'w1' } }), [{ id: 'esc', kind: 'human-task.escalation', subjectId: 'wf:w1:0', dueAt: t0, createdAt: t0 }]);
      const [timer] = await store.claimDueTimers('p1', t0, ttl, 1);
      if (!timer) throw new Error('nothing claimed');
      await store.fireHumanTaskTimer(tenantA, timer, 'p1', t0 + 5, (task) => ({ change: task && answerOnce('system', { answer: "We'll get back to you" }, t0 + 5)(task) }));
      expect(await store.getWorkflow(tenantA, 'w1')).toMatchObject({ status: 'running', wakeups: 1 });
    });
  });
}
