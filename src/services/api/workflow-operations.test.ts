import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke, openApiHarness, type ApiHarness } from './testing/api-harness.js';
import { workflowOperations as ops } from './workflow-operations.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await openApiHarness();
});
afterEach(() => h.close());

const as = (tenant = 'acme') => h.caller(tenant, 'ann');
const start = (id: string, tenant = 'acme') => invoke(ops, 'workflows.start', h.deps, as(tenant), { project: h.project.dir, name: 'approval', input: { amount: 5, customer: 'ACME' }, id });

describe('workflow operations', () => {
  it('issue 12: list and get read, start, signal and cancel write; cancel is destructive', () => {
    expect(Object.fromEntries(ops.map((op) => [op.name, [op.access, op.http.method, op.http.path, op.mcp, op.destructive ?? false]]))).toEqual({
      'workflows.start': ['write', 'post', '/workflows', 'workflow_start', false],
      'workflows.list': ['read', 'get', '/workflows', 'workflow_list', false],
      'workflows.get': ['read', 'get', '/workflows/{id}', 'workflow_status', false],
      'workflows.signal': ['write', 'post', '/workflows/{id}/signal', 'workflow_signal', false],
      'workflows.cancel': ['write', 'post', '/workflows/{id}/cancel', 'workflow_cancel', true],
    });
  });

  it('issue 12: start records an instance of a known project (idempotent by id); get, signal and cancel follow it', async () => {
    const started = await start('order-1');
    expect(started).toMatchObject({ created: true, instance: { id: 'order-1', tenant: 'acme', status: 'running', projectDir: h.project.dir } });
    expect(await start('order-1')).toEqual({ created: false, instance: started.instance });
    const signal = await invoke(ops, 'workflows.signal', h.deps, as(), { id: 'order-1', name: 'ship', data: 'DHL' });
    expect(signal).toMatchObject({ instanceId: 'order-1', seq: 1, name: 'ship', payload: 'DHL' });
    const detail = await invoke(ops, 'workflows.get', h.deps, as(), { id: 'order-1' });
    expect(detail).toMatchObject({ instance: { id: 'order-1' }, journal: [], signals: [{ name: 'ship', payload: 'DHL' }] });
    expect(await invoke(ops, 'workflows.cancel', h.deps, as(), { id: 'order-1' })).toMatchObject({ status: 'cancelled' });
    await expect(invoke(ops, 'workflows.cancel', h.deps, as(), { id: 'order-1' })).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE' });
  });

  it('issue 12: a start names a known project, a workflow it defines, and input its schema accepts', async () => {
    await expect(invoke(ops, 'workflows.start', h.deps, as(), { project: '/tmp', name: 'approval', input: {} })).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT' });
    await expect(invoke(ops, 'workflows.start', h.deps, as(), { name: 'approval', input: {} })).rejects.toMatchObject({ code: 'E_USAGE', fields: [expect.objectContaining({ field: 'project' })] });
    await expect(invoke(ops, 'workflows.start', h.deps, as(), { project: h.project.dir, name: 'aproval', input: {} })).rejects.toMatchObject({ code: 'E_WORKFLOW_NOT_FOUND' });
    await expect(invoke(ops, 'workflows.start', h.deps, as(), { project: h.project.dir, name: 'approval', input: { amount: -1 } })).rejects.toMatchObject({ code: 'E_WORKFLOW_INPUT', message: expect.stringContaining('amount') });
    await expect(invoke(ops, 'workflows.signal', h.deps, as(), { id: 'order-1', data: 1 })).rejects.toMatchObject({ code: 'E_USAGE', fields: [expect.objectContaining({ field: 'name' })] });
  });

  it("issue 12: another tenant's caller gets not-found for get, signal and cancel, and an empty list", async () => {
    await start('order-1');
    for (const [name, input] of [
      ['workflows.get', { id: 'order-1' }],
      ['workflows.signal', { id: 'order-1', name: 'ship' }],
      ['workflows.cancel', { id: 'order-1' }],
    ] as const) {
      await expect(invoke(ops, name, h.deps, as('other'), input), name).rejects.toMatchObject({ code: 'E_WORKFLOW_NOT_FOUND' });
    }
    expect((await invoke(ops, 'workflows.list', h.deps, as('other'), {})).items).toEqual([]);
    expect((await invoke(ops, 'workflows.get', h.deps, as(), { id: 'order-1' })).instance.status).toBe('running');
  });

  it('issue 12: the list is paginated newest first with a cursor; a forged cursor names the field', async () => {
    for (const id of ['a', 'b', 'c']) await start(id);
    const first = await invoke(ops, 'workflows.list', h.deps, as(), { limit: 2 });
    const second = await invoke(ops, 'workflows.list', h.deps, as(), { limit: 2, cursor: first.nextCursor });
    expect(first.nextCursor).toBeDefined();
    expect(second.nextCursor).toBeUndefined();
    expect([...first.items, ...second.items].map((w) => w.id).sort()).toEqual(['a', 'b', 'c']);
    expect((await invoke(ops, 'workflows.list', h.deps, as(), { status: ['completed'] })).items).toEqual([]);
    await expect(invoke(ops, 'workflows.list', h.deps, as(), { cursor: 'x' })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/^cursor: /) });
  });
});
