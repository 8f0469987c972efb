import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { humanTaskOperations } from './human-task-operations.js';
import { notificationOperations as ops } from './notification-operations.js';
import { invoke, openApiHarness, type ApiHarness } from './testing/api-harness.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await openApiHarness();
});
afterEach(() => h.close());

const form = { ok: { type: 'boolean', required: true } };
const create = (title: string, tenant = 'acme') => invoke(humanTaskOperations, 'humanTasks.create', h.deps, h.caller(tenant, 'root'), { title, form });

describe('notification operations', () => {
  it('issue 12: notifications.list is a read operation at GET /notifications', () => {
    expect(ops.map((op) => [op.name, op.access, op.http.method, op.http.path])).toEqual([['notifications.list', 'read', 'get', '/notifications']]);
  });

  it("issue 12: lists the tenant's notices newest first (routed by the daemon config), for one task, page by page", async () => {
    const first = await create('First');
    const second = await create('Second');
    await invoke(humanTaskOperations, 'humanTasks.answer', h.deps, h.caller('acme', 'root'), { id: first.id, answer: { ok: true } });
    const all = await invoke(ops, 'notifications.list', h.deps, h.caller('acme', 'ann', 'read'), {});
    expect(all.items.map((n) => [n.event, n.taskId, n.channel, n.status])).toEqual([
      ['completed', first.id, 'hook', 'pending'],
      ['created', second.id, 'hook', 'pending'],
      ['created', first.id, 'hook', 'pending'],
    ]);
    expect(all.items[0]?.notice).toMatchObject({ event: 'completed', tenant: 'acme', task: { id: first.id, title: 'First' } });
    const mine = await invoke(ops, 'notifications.list', h.deps, h.caller('acme', 'ann', 'read'), { taskId: first.id, limit: 1 });
    expect(mine.items.map((n) => n.event)).toEqual(['completed']);
    const next = await invoke(ops, 'notifications.list', h.deps, h.caller('acme', 'ann', 'read'), { taskId: first.id, limit: 1, cursor: mine.nextCursor });
    expect([next.items.map((n) => n.event), next.nextCursor]).toEqual([['created'], undefined]);
    expect((await invoke(ops, 'notifications.list', h.deps, h.caller('acme', 'ann'), { status: ['failed', 'dead'] })).items).toEqual([]);
  });

  it("issue 12: another tenant's caller sees none of them, even naming the task", async () => {
    const task = await create('Private');
    expect((await invoke(ops, 'notifications.list', h.deps, h.caller('other', 'root'), {})).items).toEqual([]);
    expect((await invoke(ops, 'notifications.list', h.deps, h.caller('other', 'root'), { taskId: task.id })).items).toEqual([]);
  });

  it('issue 12: a bad status names the field', async () => {
    await expect(invoke(ops, 'notifications.list', h.deps, h.caller('acme', 'root'), { status: ['sent'] })).rejects.toMatchObject({ code: 'E_USAGE', fields: [expect.objectContaining({ field: 'status.0' })] });
  });
});
