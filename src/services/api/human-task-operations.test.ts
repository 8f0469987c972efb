import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { humanTaskOperations as ops } from './human-task-operations.js';
import { invoke, openApiHarness, type ApiHarness } from './testing/api-harness.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await openApiHarness();
});
afterEach(() => h.close());

const form = { decision: { type: 'select', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }, comment: { type: 'text' } };
const as = (user: string, tenant = 'acme') => h.caller(tenant, user);
const create = (title: string, extra: Record<string, unknown> = {}, tenant = 'acme') => invoke(ops, 'humanTasks.create', h.deps, as('root', tenant), { title, form, assignee: 'group:support', ...extra });

describe('human-task operations', () => {
  it('issue 12: list and get are read operations, every other one writes; cancel is destructive', () => {
    expect(Object.fromEntries(ops.map((op) => [op.name, [op.access, op.http.method, op.http.path, op.mcp, op.destructive ?? false]]))).toEqual({
      'humanTasks.list': ['read', 'get', '/human-tasks', 'human_task_list', false],
      'humanTasks.get': ['read', 'get', '/human-tasks/{id}', 'human_task_get', false],
      'humanTasks.create': ['write', 'post', '/human-tasks', 'human_task_create', false],
      'humanTasks.claim': ['write', 'post', '/human-tasks/{id}/claim', 'human_task_claim', false],
      'humanTasks.release': ['write', 'post', '/human-tasks/{id}/release', 'human_task_release', false],
      'humanTasks.answer': ['write', 'post', '/human-tasks/{id}/answer', 'human_task_answer', false],
      'humanTasks.reassign': ['write', 'post', '/human-tasks/{id}/reassign', 'human_task_reassign', false],
      'humanTasks.cancel': ['write', 'post', '/human-tasks/{id}/cancel', 'human_task_cancel', true],
    });
  });

  it("issue 12: a task created for a group reaches its member's inbox; claimed, a bad answer names the field, a good one completes it", async () => {
    const task = await create('Refund 40 EUR?');
    expect(task).toMatchObject({ tenant: 'acme', status: 'open', assignee: { kind: 'group', id: 'support' }, createdBy: { kind: 'api', by: 'root' } });
    const inbox = await invoke(ops, 'humanTasks.list', h.deps, as('ann'), {});
    expect(inbox.items.map((t) => t.id)).toEqual([task.id]);
    expect((await invoke(ops, 'humanTasks.list', h.deps, as('root'), { view: 'mine' })).items).toEqual([]);
    await invoke(ops, 'humanTasks.claim', h.deps, as('ann'), { id: task.id });
    await expect(invoke(ops, 'humanTasks.answer', h.deps, as('bob'), { id: task.id, answer: { decision: 'yes' } })).rejects.toMatchObject({ code: expect.stringMatching(/^E_(NOT_ELIGIBLE|HUMAN_TASK_STATE)$/) });
    await expect(invoke(ops, 'humanTasks.answer', h.deps, as('ann'), { id: task.id, answer: { decision: 'maybe' } })).rejects.toMatchObject({ code: 'E_FORM_INVALID', fields: [{ field: 'decision', message: expect.stringContaining('yes') }] });
    expect((await invoke(ops, 'humanTasks.get', h.deps, as('ann'), { id: task.id })).status).toBe('claimed');
    const answered = await invoke(ops, 'humanTasks.answer', h.deps, as('ann'), { id: task.id, answer: { decision: 'yes' } });
    expect(answered).toMatchObject({ status: 'completed', answer: { decision: 'yes' }, answeredBy: 'ann' });
    expect(answered.history.map((entry) => entry.action)).toEqual(['created', 'claimed', 'answered']);
  });

  it('issue 12: release, reassign and cancel act as the caller, by the people of the daemon config', async () => {
    const task = await create('Call back?');
    await invoke(ops, 'humanTasks.claim', h.deps, as('bob'), { id: task.id });
    expect(await invoke(ops, 'humanTasks.release', h.deps, as('bob'), { id: task.id })).toMatchObject({ status: 'open' });
    expect(await invoke(ops, 'humanTasks.reassign', h.deps, as('root'), { id: task.id, to: 'user:ann' })).toMatchObject({ assignee: { kind: 'user', id: 'ann' } });
    await expect(invoke(ops, 'humanTasks.reassign', h.deps, as('root'), { id: task.id, to: 'user:zed' })).rejects.toMatchObject({ code: 'E_UNKNOWN_PERSON' });
    await expect(invoke(ops, 'humanTasks.cancel', h.deps, as('bob'), { id: task.id })).rejects.toMatchObject({ code: 'E_NOT_ELIGIBLE' });
    expect(await invoke(ops, 'humanTasks.cancel', h.deps, as('root'), { id: task.id, reason: 'done by phone' })).toMatchObject({ status: 'cancelled' });
  });

  it("issue 12: with `project`, that project's people apply (ann is an admin there); an unknown project or person is refused", async () => {
    const task = await create('Ship it?');
    await expect(invoke(ops, 'humanTasks.cancel', h.deps, as('ann'), { id: task.id })).rejects.toMatchObject({ code: 'E_NOT_ELIGIBLE' });
    await expect(invoke(ops, 'humanTasks.cancel', h.deps, as('ann'), { id: task.id, project: '/tmp' })).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT' });
    await expect(invoke(ops, 'humanTasks.claim', h.deps, as('zed'), { id: task.id })).rejects.toMatchObject({ code: 'E_UNKNOWN_PERSON', message: expect.stringContaining('zed') });
    // root is not listed in the project's people: only ann is.
    await expect(invoke(ops, 'humanTasks.list', h.deps, as('root'), { project: h.project.dir })).rejects.toMatchObject({ code: 'E_UNKNOWN_PERSON' });
    expect(await invoke(ops, 'humanTasks.cancel', h.deps, as('ann'), { id: task.id, project: h.project.dir })).toMatchObject({ status: 'cancelled' });
  });

  it("issue 12: a caller of another tenant gets not-found for every operation on a task, and an empty inbox", async () => {
    const task = await create('Tenant A only');
    const other = as('root', 'other');
    for (const [name, input] of [
      ['humanTasks.get', { id: task.id }],
      ['humanTasks.claim', { id: task.id }],
      ['humanTasks.release', { id: task.id }],
      ['humanTasks.answer', { id: task.id, answer: { decision: 'yes' } }],
      ['humanTasks.reassign', { id: task.id, to: 'user:ann' }],
      ['humanTasks.cancel', { id: task.id }],
    ] as const) {
      await expect(invoke(ops, name, h.deps, other, input), name).rejects.toMatchObject({ code: 'E_HUMAN_TASK_NOT_FOUND' });
    }
    expect((await invoke(ops, 'humanTasks.list', h.deps, other, { view: 'all' })).items).toEqual([]);
    expect((await invoke(ops, 'humanTasks.get', h.deps, as('root'), { id: task.id })).status).toBe('open');
  });

  it('issue 12: the inbox is paginated with a cursor, every task once', async () => {
    for (const title of ['one', 'two', 'three']) await create(title);
    const first = await invoke(ops, 'humanTasks.list', h.deps, as('ann'), { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await invoke(ops, 'humanTasks.list', h.deps, as('ann'), { limit: 2, cursor: first.nextCursor });
    expect(second.nextCursor).toBeUndefined();
    expect([...first.items, ...second.items].map((t) => t.title).sort()).toEqual(['one', 'three', 'two']);
  });

  it.each([
    ['create without a title', 'humanTasks.create', { form }, 'title'],
    ['create with a bad priority', 'humanTasks.create', { title: 'x', form, priority: 'asap' }, 'priority'],
    ['create claiming a run made it', 'humanTasks.create', { title: 'x', form, createdBy: { kind: 'run', runId: 'r', nodeId: 'n' } }, ''],
    ['answer without an answer', 'humanTasks.answer', { id: 'ht-1' }, 'answer'],
    ['list with an unknown view', 'humanTasks.list', { view: 'theirs' }, 'view'],
    ['list with a limit of 0', 'humanTasks.list', { limit: 0 }, 'limit'],
    ['reassign to a malformed assignee', 'humanTasks.reassign', { id: 'ht-1', to: 'ann' }, 'to'],
  ] as const)('issue 12: bad input (%s) is E_USAGE naming the field', async (_label, name, input, field) => {
    await expect(invoke(ops, name, h.deps, as('root'), input as Record<string, unknown>)).rejects.toMatchObject({ code: 'E_USAGE', fields: expect.arrayContaining([expect.objectContaining({ field })]) });
  });

  it('issue 12: a bad form definition is E_FORM_INVALID naming the field', async () => {
    await expect(create('x', { form: { decision: { type: 'dropdown' } } })).rejects.toMatchObject({ code: 'E_FORM_INVALID', fields: [expect.objectContaining({ field: 'decision' })] });
  });
});
