import { describe, expect, it } from 'vitest';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { HumanTask } from '../human-task-types.js';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, t0 } from './fixtures.case.js';
import { answerOnce, newHumanTask, tenantA, tenantB } from './human-task-fixtures.case.js';

const notFound = (id: string) => `human task "${id}" does not exist`;

export function describeHumanTaskConformance(fixture: StoreFixture): void {
  describe('human tasks', () => {
    it('issue 10: stores a new task open, with version 1 and its created entry, and reads it back equal', async () => {
      const store = fixture.store();
      const created = await store.createHumanTask(tenantA, newHumanTask('h1', { dueAt: t0 + 60_000, priority: 'high' }));
      expect(created).toMatchObject({ id: 'h1', tenant: 'acme', status: 'open', priority: 'high', version: 1, escalation: { step: 0 }, dueAt: t0 + 60_000, updatedAt: t0 });
      expect(created.history).toEqual([{ seq: 1, at: t0, actor: 'system', action: 'created' }]);
      expect(await store.getHumanTask(tenantA, 'h1')).toEqual(created);
      const plain = await store.createHumanTask(tenantA, newHumanTask('h2', { assignee: undefined, description: undefined, context: undefined }));
      expect(plain).toMatchObject({ description: '', context: {}, priority: 'normal' });
      expect(plain).not.toHaveProperty('assignee');
      expect(plain).not.toHaveProperty('dueAt');
    });

    it('issue 10: refuses a second task with the same id in one tenant, and keeps the first', async () => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('h1'));
      await expectStoreError(store.createHumanTask(tenantA, newHumanTask('h1', { title: 'Other' })), 'E_STORE', 'human task "h1" already exists');
      expect((await store.getHumanTask(tenantA, 'h1'))?.title).toBe('Customer needs help');
    });

    it("issue 10: tenant B can neither get, list, answer nor take tenant A's task, and learns nothing of it", async () => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('h1'));
      expect(await store.getHumanTask(tenantB, 'h1')).toBeUndefined();
      expect(await store.listHumanTasks(tenantB)).toEqual({ tasks: [] });
      // The same error, word for word, as an id nobody created.
      await expectStoreError(store.updateHumanTask(tenantB, 'h1', answerOnce('mallory', { answer: 'x' })), 'E_HUMAN_TASK_NOT_FOUND', notFound('h1'));
      await expectStoreError(store.updateHumanTask(tenantB, 'nope', answerOnce('mallory', { answer: 'x' })), 'E_HUMAN_TASK_NOT_FOUND', notFound('nope'));
      await expectStoreError(store.takeHumanTaskAnswer(tenantB, 'h1', t0), 'E_HUMAN_TASK_NOT_FOUND', notFound('h1'));
      // B may use the same id for a task of its own; both live side by side.
      await store.createHumanTask(tenantB, newHumanTask('h1', { title: 'Globex task' }));
      expect((await store.getHumanTask(tenantA, 'h1'))?.title).toBe('Customer needs help');
      expect((await store.getHumanTask(tenantB, 'h1'))?.title).toBe('Globex task');
      expect((await store.getHumanTask(tenantA, 'h1'))?.status).toBe('open');
    });

    it('issue 10: refuses a forged scope (a plain object cast to TenantScope) before reading anything', async () => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('h1'));
      const forged = { tenant: 'acme' } as unknown as TenantScope;
      await expect(store.getHumanTask(forged, 'h1')).rejects.toMatchObject({ code: 'E_INTERNAL' });
      await expect(store.listHumanTasks(forged)).rejects.toMatchObject({ code: 'E_INTERNAL' });
    });

    it('issue 10: lists overdue first (by due time), tasks without a due time last, then by creation and id', async () => {
      const store = fixture.store();
      const specs: Array<[string, number | undefined, number]> = [
        ['none-late', undefined, 5], ['due-3', 3_000, 1], ['none-early', undefined, 2], ['due-1', 1_000, 9], ['due-3b', 3_000, 0], ['due-2', 2_000, 3],
      ];
      for (const [id, due, created] of specs) await store.createHumanTask(tenantA, newHumanTask(id, { dueAt: due === undefined ? undefined : t0 + due, createdAt: t0 + created }));
      const { tasks, nextCursor } = await store.listHumanTasks(tenantA);
      expect(tasks.map((task) => task.id)).toEqual(['due-1', 'due-2', 'due-3b', 'due-3', 'none-early', 'none-late']);
      expect(nextCursor).toBeUndefined();
    });

    it('issue 10: pages through every task exactly once with the cursor, and rejects a made-up cursor', async () => {
      const store = fixture.store();
      for (let i = 0; i < 7; i++) await store.createHumanTask(tenantA, newHumanTask(`h${i}`, { dueAt: i % 2 === 0 ? t0 + i : undefined }));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listHumanTasks(tenantA, { limit: 3, ...(cursor !== undefined && { cursor }) });
        seen.push(...page.tasks.map((task) => task.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== undefined && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['h0', 'h2', 'h4', 'h6', 'h1', 'h3', 'h5']);
      await expectStoreError(store.listHumanTasks(tenantA, { cursor: 'bm9wZQ' }), 'E_USAGE', 'the page cursor "bm9wZQ" is not one this store gave out');
    });

    const filterCases: Array<[string, Parameters<ReturnType<StoreFixture['store']>['listHumanTasks']>[1], string[]]> = [
      ['by status', { status: ['completed'] }, ['done']],
      ['by several statuses', { status: ['open', 'completed'] }, ['user-bob', 'group-l1', 'group-l2', 'free', 'done']],
      ['assigned to a user', { assignedTo: { users: ['bob'] } }, ['user-bob']],
      ['assigned to any of the groups', { assignedTo: { groups: ['support-l1', 'support-l2'] } }, ['group-l1', 'group-l2', 'done']],
      ['mine: my user, my group, or nobody', { assignedTo: { users: ['bob'], groups: ['support-l2'], unassigned: true } }, ['user-bob', 'group-l2', 'free']],
      ['unassigned only', { assignedTo: { unassigned: true } }, ['free']],
      ['due at or before a time', { dueBefore: t0 + 2_000 }, ['user-bob', 'group-l1']],
      ['an empty list of users matches nothing', { assignedTo: { users: [] } }, []],
    ];

    it.each(filterCases)('issue 10: filters %s', async (_label, filter, expected) => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('user-bob', { assignee: { kind: 'user', id: 'bob' }, dueAt: t0 + 1_000 }));
      await store.createHumanTask(tenantA, newHumanTask('group-l1', { dueAt: t0 + 2_000 }));
      await store.createHumanTask(tenantA, newHumanTask('group-l2', { assignee: { kind: 'group', id: 'support-l2' }, dueAt: t0 + 3_000 }));
      await store.createHumanTask(tenantA, newHumanTask('free', { assignee: undefined, dueAt: t0 + 4_000 }));
      await store.createHumanTask(tenantA, newHumanTask('done', { dueAt: t0 + 5_000 }));
      await store.updateHumanTask(tenantA, 'done', answerOnce('ann', { answer: 'ok' }));
      const { tasks } = await store.listHumanTasks(tenantA, filter);
      expect(tasks.map((task) => task.id)).toEqual(expected);
    });

    it('issue 10: applies a decided change with its history entry, version + 1, in one step', async () => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('h1'));
      let seen: HumanTask | undefined;
      const updated = await store.updateHumanTask(tenantA, 'h1', (task) => {
        seen = task;
        return answerOnce('ann', { answer: 'Refund sent', sentiment: 'neutral' })(task);
      });
      expect(seen?.status).toBe('open');
      expect(updated).toMatchObject({ status: 'completed', answer: { answer: 'Refund sent', sentiment: 'neutral' }, answeredBy: 'ann', answeredAt: t0 + 1_000, version: 2, updatedAt: t0 + 1_000 });
      expect(updated.history.map((entry) => [entry.seq, entry.action, entry.actor])).toEqual([[1, 'created', 'system'], [2, 'answered', 'ann']]);
      expect(await store.getHumanTask(tenantA, 'h1')).toEqual(updated);
    });

    it('issue 10: a decide() that throws changes nothing and its error reaches the caller', async () => {
      const store = fixture.store();
      const before = await store.createHumanTask(tenantA, newHumanTask('h1'));
      const refused = store.updateHumanTask(tenantA, 'h1', () => {
        throw Object.assign(new Error('no'), { name: 'OrchestraError', code: 'E_NOT_ELIGIBLE' });
      });
      await expect(refused).rejects.toMatchObject({ code: 'E_NOT_ELIGIBLE', message: 'no' });
      expect(await store.getHumanTask(tenantA, 'h1')).toEqual(before);
    });

    it('issue 10: of two answers sent at the same moment, the first wins and the second is refused', async () => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('h1'));
      const results = await Promise.allSettled([
        store.updateHumanTask(tenantA, 'h1', answerOnce('ann', { answer: 'first' })),
        store.updateHumanTask(tenantA, 'h1', answerOnce('bob', { answer: 'second' })),
      ]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'E_HUMAN_TASK_STATE' });
      const stored = await store.getHumanTask(tenantA, 'h1');
      expect(stored).toMatchObject({ answer: { answer: 'first' }, answeredBy: 'ann', version: 2 });
      expect(stored?.history).toHaveLength(2);
    });

    it('issue 10: gives a stored answer to the waiting side exactly once, however late it asks', async () => {
      const store = fixture.store();
      await store.createHumanTask(tenantA, newHumanTask('h1'));
      expect(await store.takeHumanTaskAnswer(tenantA, 'h1', t0 + 500)).toBeUndefined();
      await store.updateHumanTask(tenantA, 'h1', answerOnce('ann', { answer: 'done' }));
      const taken = await store.takeHumanTaskAnswer(tenantA, 'h1', t0 + 9_000);
      expect(taken).toMatchObject({ status: 'completed', answer: { answer: 'done' }, answerConsumedAt: t0 + 9_000, version: 3 });
      expect(taken?.history.at(-1)).toEqual({ seq: 3, at: t0 + 9_000, actor: 'system', action: 'answer-taken' });
      expect(await store.takeHumanTaskAnswer(tenantA, 'h1', t0 + 9_001)).toBeUndefined();
      expect(await store.getHumanTask(tenantA, 'h1')).toEqual(taken);
    });

    it('issue 10: a task is of kind form unless created as a chat turn, and its kind survives every change', async () => {
      const store = fixture.store();
      expect((await store.createHumanTask(tenantA, newHumanTask('h1'))).kind).toBe('form');
      const chatForm = { message: { type: 'textarea' as const, required: true } };
      const chat = await store.createHumanTask(tenantA, newHumanTask('h2', { kind: 'chat', form: chatForm, context: { transcript: [{ role: 'model', text: 'Hello' }] } }));
      expect(chat).toMatchObject({ kind: 'chat', form: chatForm, context: { transcript: [{ role: 'model', text: 'Hello' }] } });
      const answered = await store.updateHumanTask(tenantA, 'h2', (task) => ({
        next: { ...answerOnce('ann', { message: 'Go on' })(task).next, ...({ kind: 'form' } as object) },
        entry: { at: t0 + 1, actor: 'ann', action: 'answered' },
      }));
      expect(answered.kind).toBe('chat');
      expect(await store.getHumanTask(tenantA, 'h2')).toEqual(answered);
      expect((await store.listHumanTasks(tenantA)).tasks.map((task) => [task.id, task.kind])).toEqual([['h1', 'form'], ['h2', 'chat']]);
    });

    it('issue 10: keeps id, tenant, form and origin whatever decide() returns, and refuses a change without an actor', async () => {
      const store = fixture.store();
      const created = await store.createHumanTask(tenantA, newHumanTask('h1'));
      const sneaky = await store.updateHumanTask(tenantA, 'h1', (task) => ({
        next: { ...answerOnce('ann', { answer: 'x' })(task).next, ...({ id: 'other', tenant: 'globex', form: {} } as object) },
        entry: { at: t0 + 1, actor: 'ann', action: 'answered' },
      }));
      expect(sneaky).toMatchObject({ id: 'h1', tenant: 'acme', form: created.form, createdBy: created.createdBy });
      await expectStoreError(
        store.updateHumanTask(tenantA, 'h1', (task) => ({ next: task, entry: { at: t0 + 2, actor: '', action: 'escalated' } })),
        'E_STORE',
        'a change of human task "h1" has no valid time or actor',
      );
    });
  });
}
