import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedPeople } from '../../config/index.js';
import type { Actor } from '../../humans/tasks/actor.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.js';
import type { HumanTaskStore } from '../../store/human-tasks.js';
import { authenticateLocal } from '../auth/local-scope.js';
import type { HumanTaskServiceContext } from './context.js';
import { answerHumanTask, cancelHumanTask, claimHumanTask, createHumanTask, getHumanTask, listHumanTasks, reassignHumanTask, releaseHumanTask } from './index.js';

const t0 = 1_700_000_000_000;
const people: ResolvedPeople = {
  configured: true,
  users: { ann: { id: 'ann' }, bob: { id: 'bob' }, cy: { id: 'cy' }, root: { id: 'root' } },
  groups: { 'support-l1': ['ann', 'bob'], 'support-l2': ['cy'] },
  admins: ['root'],
};
const actors: Record<string, Actor> = {
  ann: { id: 'ann', groups: ['support-l1'], admin: false },
  bob: { id: 'bob', groups: ['support-l1'], admin: false },
  cy: { id: 'cy', groups: ['support-l2'], admin: false },
  root: { id: 'root', groups: [], admin: true },
};
const form = {
  decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }, { value: 'reject', label: 'Reject' }] },
  comment: { type: 'textarea' },
};

function as(store: HumanTaskStore, who: string, tenant = 'default', now = t0): HumanTaskServiceContext {
  return { store, scope: authenticateLocal({ flag: tenant, env: {} }), actor: actors[who] as Actor, people, now: () => now };
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('human task services', () => {
  it('issue 10: create → claim → answer, with the answer recorded and a second answer refused', async () => {
    const store = createMemoryStore();
    const task = await createHumanTask(as(store, 'root'), { title: 'Approve release 1.4', form, assignee: 'group:support-l1', sla: '30m', context: { version: '1.4' } });
    expect(task).toMatchObject({ status: 'open', assignee: { kind: 'group', id: 'support-l1' }, dueAt: t0 + 30 * 60_000, createdBy: { kind: 'api', by: 'root' } });
    expect(task.id).toMatch(/^h[0-9a-z]{12}$/);
    await claimHumanTask(as(store, 'ann', 'default', t0 + 1), { id: task.id });
    await expect(answerHumanTask(as(store, 'bob'), { id: task.id, answer: { decision: 'approve' } })).rejects.toMatchObject({ code: 'E_HUMAN_TASK_STATE' });
    const answered = await answerHumanTask(as(store, 'ann', 'default', t0 + 2), { id: task.id, answer: { decision: 'reject', comment: 'tests fail' } });
    expect(answered).toMatchObject({ status: 'completed', answeredBy: 'ann', answeredAt: t0 + 2, answer: { decision: 'reject', comment: 'tests fail' } });
    expect(answered.history.map((entry) => `${entry.action}:${entry.actor}`)).toEqual(['created:root', 'claimed:ann', 'answered:ann']);
    await expect(answerHumanTask(as(store, 'root'), { id: task.id, answer: { decision: 'approve' } })).rejects.toMatchObject({
      code: 'E_HUMAN_TASK_STATE',
      message: `cannot answer human task "${task.id}": it was already answered by ann`,
    });
  });

  it('issue 10: a wrong answer gets field-by-field errors and the task stays open', async () => {
    const store = createMemoryStore();
    const { id } = await createHumanTask(as(store, 'root'), { title: 'T', form });
    await expect(answerHumanTask(as(store, 'ann'), { id, answer: { decision: 'maybe', extra: 1 } })).rejects.toMatchObject({
      code: 'E_FORM_INVALID',
      fields: [
        { field: 'extra', message: 'is not a field of this form (fields: decision, comment)' },
        { field: 'decision', message: 'expected one of "approve", "reject", got "maybe" (string)' },
      ],
    });
    expect((await getHumanTask(as(store, 'ann'), { id })).status).toBe('open');
  });

  it.each([
    ['a form with an unknown field type', { title: 'T', form: { a: { type: 'essay' } } }, 'E_FORM_INVALID'],
    ['a select without options', { title: 'T', form: { a: { type: 'select' } } }, 'E_FORM_INVALID'],
    ['an unknown group', { title: 'T', form, assignee: 'group:nobody' }, 'E_UNKNOWN_PERSON'],
    ['an SLA that does not parse', { title: 'T', form, sla: 'soon' }, 'E_DURATION'],
    ['an empty title', { title: '  ', form }, 'E_USAGE'],
    ['an unknown priority', { title: 'T', form, priority: 'asap' }, 'E_USAGE'],
  ])('issue 10: refuses to create a task with %s', async (_label, input, code) => {
    const store = createMemoryStore();
    await expect(createHumanTask(as(store, 'root'), input as never)).rejects.toMatchObject({ code });
    expect((await store.listHumanTasks(authenticateLocal({ env: {} }))).tasks).toEqual([]);
  });

  it('issue 10: the inbox views: mine, a group, all; overdue first', async () => {
    const store = createMemoryStore();
    const make = (title: string, assignee: string | undefined, due: number) => createHumanTask(as(store, 'root'), { title, form, dueAt: t0 + due, ...(assignee && { assignee }) });
    await make('for l1, later', 'group:support-l1', 5_000);
    await make('for ann', 'user:ann', 9_000);
    await make('for l2', 'group:support-l2', 1_000);
    await make('for anyone', undefined, 3_000);
    await make('for l1, overdue', 'group:support-l1', -60_000);
    const titles = async (who: string, input: Parameters<typeof listHumanTasks>[1]) => (await listHumanTasks(as(store, who), input)).tasks.map((task) => task.title);
    expect(await titles('ann', { view: 'mine' })).toEqual(['for l1, overdue', 'for anyone', 'for l1, later', 'for ann']);
    expect(await titles('cy', { view: 'mine' })).toEqual(['for l2', 'for anyone']);
    expect(await titles('cy', { view: 'group', group: 'support-l1' })).toEqual(['for l1, overdue', 'for l1, later']);
    expect(await titles('cy', { view: 'all' })).toHaveLength(5);
    await expect(listHumanTasks(as(store, 'cy'), { view: 'group', group: 'support-l9' })).rejects.toMatchObject({ code: 'E_UNKNOWN_PERSON', message: '--group: unknown group "support-l9". Did you mean "support-l1"? Known groups: support-l1, support-l2.' });
  });

  it('issue 10: release, reassign and cancel, each by whom the rules allow', async () => {
    const store = createMemoryStore();
    const { id } = await createHumanTask(as(store, 'root'), { title: 'T', form, assignee: 'group:support-l1' });
    await claimHumanTask(as(store, 'ann'), { id });
    await expect(releaseHumanTask(as(store, 'bob'), { id })).rejects.toMatchObject({ code: 'E_NOT_ELIGIBLE' });
    await releaseHumanTask(as(store, 'ann'), { id });
    const moved = await reassignHumanTask(as(store, 'bob'), { id, to: 'group:support-l2' });
    expect(moved.assignee).toEqual({ kind: 'group', id: 'support-l2' });
    await expect(answerHumanTask(as(store, 'ann'), { id, answer: { decision: 'approve' } })).rejects.toMatchObject({ code: 'E_NOT_ELIGIBLE' });
    await expect(reassignHumanTask(as(store, 'cy'), { id, to: 'user:zed' })).rejects.toMatchObject({ code: 'E_UNKNOWN_PERSON', message: '--to: unknown user "zed". Known users: ann, bob, cy, root.' });
    await expect(cancelHumanTask(as(store, 'cy'), { id })).rejects.toMatchObject({ code: 'E_NOT_ELIGIBLE' });
    expect((await cancelHumanTask(as(store, 'root'), { id, reason: 'release dropped' })).status).toBe('cancelled');
    await expect(answerHumanTask(as(store, 'cy'), { id, answer: { decision: 'approve' } })).rejects.toMatchObject({ code: 'E_HUMAN_TASK_STATE' });
  });

  it("issue 10: another tenant gets not-found for every operation, word for word as a missing id", async () => {
    const store = createMemoryStore();
    const { id } = await createHumanTask(as(store, 'root', 'acme'), { title: 'Acme secret', form });
    const other = as(store, 'root', 'globex');
    const missing = { code: 'E_HUMAN_TASK_NOT_FOUND', message: `human task "${id}" does not exist` };
    await expect(getHumanTask(other, { id })).rejects.toMatchObject(missing);
    await expect(answerHumanTask(other, { id, answer: { decision: 'approve' } })).rejects.toMatchObject(missing);
    await expect(claimHumanTask(other, { id })).rejects.toMatchObject(missing);
    await expect(cancelHumanTask(other, { id })).rejects.toMatchObject(missing);
    expect((await listHumanTasks(other, { view: 'all' })).tasks).toEqual([]);
    expect((await getHumanTask(as(store, 'ann', 'acme'), { id })).title).toBe('Acme secret');
  });

  it('issue 10: an answer given while nothing waits is kept, and the resumed waiter sees it exactly once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orchestra-take-'));
    dirs.push(dir);
    const path = join(dir, 'orchestra.db');
    // The gate's process creates the task, then goes away (between nodes, a restart).
    const gate = await openSqliteStore(path);
    const { id } = await createHumanTask(as(gate, 'root'), { title: 'Approve?', form, createdBy: { kind: 'run', runId: 'r1', nodeId: 'approve' } });
    await gate.close();
    // Someone answers from another process while nobody waits.
    const cli = await openSqliteStore(path);
    await answerHumanTask(as(cli, 'ann'), { id, answer: { decision: 'approve' } });
    await cli.close();
    // The work resumes (twice, say two workers race): exactly one sees the answer.
    const [first, second] = [await openSqliteStore(path), await openSqliteStore(path)];
    const scope = authenticateLocal({ env: {} });
    const taken = await Promise.all([first.takeHumanTaskAnswer(scope, id, t0 + 10), second.takeHumanTaskAnswer(scope, id, t0 + 11)]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(taken.find(Boolean)).toMatchObject({ answer: { decision: 'approve' }, answeredBy: 'ann' });
    expect(await first.takeHumanTaskAnswer(scope, id, t0 + 12)).toBeUndefined();
    await Promise.all([first.close(), second.close()]);
  });
});
