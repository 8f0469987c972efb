import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import * as orchestra from '../../index.js';
import { loadWorkflows, requireWorkflow } from '../../workflows/loader/index.js';
import { runInstance } from '../../workflows/runtime/index.js';
import { answerWorkflowTask } from '../../workflows/runtime/testing/store-human-tasks.js';
import { openHarness, type Harness } from '../../workflows/runtime/testing/harness.js';
import type { WorkflowServiceContext } from './context.js';
import { cancelWorkflowInstance, forkWorkflowInstance, getWorkflowInstance, listWorkflowInstances, signalWorkflowInstance, startWorkflowInstance } from './index.js';
import { approvalWorkflow, createWorkflowProject, type TestProject } from './testing/project.js';

let h: Harness;
let project: TestProject;
let ctx: WorkflowServiceContext;
const load = (dir: string) => loadWorkflows(dir, { orchestraModule: orchestra });

beforeEach(async () => {
  h = await openHarness();
  project = createWorkflowProject();
  ctx = { store: h.store, scope: h.scope, clock: h.clock, projectDir: project.dir, load };
});
afterEach(async () => {
  await h.close();
  project.remove();
});

/** Runs the instance as a worker would, on the project's current code. */
async function drive(id: string) {
  const { definition } = requireWorkflow(await load(project.dir), 'approval');
  return runInstance(h.deps(), definition, id);
}

/** Start, answer the task, signal: a completed approval with 4 journal entries. */
async function completedApproval(id: string) {
  await startWorkflowInstance(ctx, { name: 'approval', input: { amount: 21, customer: 'ACME' }, id });
  await drive(id);
  await answerWorkflowTask(h.store, h.scope, h.clock, `wf:${id}:1`, 'ann', { ok: true });
  await drive(id);
  await signalWorkflowInstance(ctx, { id, name: 'ship', data: 'DHL' });
  return drive(id);
}

describe('issue 11: workflow services', () => {
  it('start records the instance pinned to the version hash and project dir; an id makes it idempotent', async () => {
    const registry = await load(project.dir);
    const started = await startWorkflowInstance(ctx, { name: 'approval', input: { amount: 5, customer: 'ACME' }, id: 'order-1' });
    expect(started).toMatchObject({ created: true, instance: { id: 'order-1', name: 'approval', status: 'running', version: registry.definitions.get('approval')?.versionHash, projectDir: project.dir, input: { amount: 5, customer: 'ACME' } } });
    const again = await startWorkflowInstance(ctx, { name: 'approval', input: { amount: 9, customer: 'B' }, id: 'order-1' });
    expect(again).toEqual({ created: false, instance: started.instance });
    const fresh = await startWorkflowInstance(ctx, { name: 'approval', input: { amount: 1, customer: 'C' } });
    expect(fresh.instance.id).toMatch(/^wf-[0-9a-f-]{36}$/);
    expect((await listWorkflowInstances(ctx)).map((w) => w.id)).toEqual([fresh.instance.id, 'order-1'].sort((a, b) => (a < b ? 1 : -1)));
  });

  it.each([
    ['an unknown name, with a did-you-mean', { name: 'aproval', input: {} }, 'E_WORKFLOW_NOT_FOUND', /no workflow named "aproval"\. Did you mean "approval"\?/],
    ['input failing the schema, each field named', { name: 'approval', input: { amount: -1 } }, 'E_WORKFLOW_INPUT', /amount: .*; customer: /],
    ['no input at all', { name: 'approval' }, 'E_WORKFLOW_INPUT', /\(input\): /],
    ['an id with spaces', { name: 'approval', input: { amount: 1, customer: 'a' }, id: 'a b' }, 'E_USAGE', /^start a workflow: id: use letters, digits/],
    ['an empty name', { name: '', input: {} }, 'E_USAGE', /^start a workflow: name: must not be empty/],
  ])('start refuses %s and stores nothing', async (_case, input, code, message) => {
    await expect(startWorkflowInstance(ctx, input)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await listWorkflowInstances(ctx)).toEqual([]);
  });

  it('show gives the state, the journal and the pending human task; list filters by status', async () => {
    await startWorkflowInstance(ctx, { name: 'approval', input: { amount: 21, customer: 'ACME' }, id: 'w1' });
    expect(await drive('w1')).toMatchObject({ status: 'waiting' });
    const shown = await getWorkflowInstance(ctx, { id: 'w1' });
    expect(shown.instance).toMatchObject({ status: 'waiting', waitingOn: { kind: 'task', taskId: 'wf:w1:1' } });
    expect(shown.journal.map((e) => [e.position, e.kind, e.name, e.result])).toEqual([[0, 'step', 'quote', { total: 42 }]]);
    expect(shown.pendingTask).toEqual({ id: 'wf:w1:1', title: 'Approve 42 EUR for ACME?', status: 'open' });
    expect((await listWorkflowInstances(ctx, { status: ['waiting'] })).map((w) => w.id)).toEqual(['w1']);
    expect(await listWorkflowInstances(ctx, { status: ['completed'] })).toEqual([]);
  });

  it('signal wakes the instance waiting for it; a finished instance refuses signals and cancels', async () => {
    const done = await completedApproval('w1');
    expect(done).toMatchObject({ status: 'completed', instance: { result: { ok: true, carrier: 'DHL', code: 'v1' } } });
    expect((await getWorkflowInstance(ctx, { id: 'w1' })).signals).toMatchObject([{ name: 'ship', payload: 'DHL', consumedBy: 2 }]);
    await expect(signalWorkflowInstance(ctx, { id: 'w1', name: 'ship' })).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE', message: 'cannot send signal "ship" to workflow instance "w1": it is completed' });
    await expect(cancelWorkflowInstance(ctx, { id: 'w1' })).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE' });
  });

  it('cancel marks a waiting instance cancelled; unknown ids and other tenants are E_WORKFLOW_NOT_FOUND', async () => {
    await startWorkflowInstance(ctx, { name: 'approval', input: { amount: 1, customer: 'A' }, id: 'w1' });
    expect(await cancelWorkflowInstance(ctx, { id: 'w1' })).toMatchObject({ status: 'cancelled' });
    const other = { ...ctx, scope: mintTenantScope('globex') };
    for (const call of [() => getWorkflowInstance(other, { id: 'w1' }), () => cancelWorkflowInstance(ctx, { id: 'nope' }), () => signalWorkflowInstance(other, { id: 'w1', name: 'x' }), () => forkWorkflowInstance(ctx, { id: 'nope', fromStep: 0 })]) {
      await expect(call()).rejects.toMatchObject({ code: 'E_WORKFLOW_NOT_FOUND' });
    }
  });

  it('fork copies the first N journal entries into a new instance that runs the current code from there', async () => {
    await completedApproval('w1');
    project.write('workflows/approval.ts', approvalWorkflow("'v2'"));
    const forked = await forkWorkflowInstance(ctx, { id: 'w1', fromStep: 3 });
    expect(forked.instance).toMatchObject({ name: 'approval', status: 'running', input: { amount: 21, customer: 'ACME' }, projectDir: project.dir });
    expect(forked.instance.leaseOwner).toBeUndefined();
    expect(forked.instance.version).not.toBe(forked.source.version);
    expect((await h.store.readJournal(h.scope, forked.instance.id)).map((e) => e.name)).toEqual(['quote', 'Approve 42 EUR for ACME?', 'ship']);
    // Positions 0-2 come from the journal (no new task, no signal needed); 'ship' runs on the new code.
    expect(await drive(forked.instance.id)).toMatchObject({ status: 'completed', instance: { result: { ok: true, carrier: 'DHL', code: 'v2' } } });
    expect((await getWorkflowInstance(ctx, { id: 'w1' })).instance.result).toEqual({ ok: true, carrier: 'DHL', code: 'v1' });
  });

  it.each([
    [5, 'E_USAGE', 'cannot fork workflow instance "w1" from step 5: its journal has 4 entries'],
    [-1, 'E_USAGE', 'fork a workflow instance: fromStep: must be 0 or more'],
    [1.5, 'E_USAGE', 'fork a workflow instance: fromStep: must be a whole number'],
  ])('fork --from-step %s is refused and nothing is started', async (fromStep, code, message) => {
    await completedApproval('w1');
    await expect(forkWorkflowInstance(ctx, { id: 'w1', fromStep })).rejects.toMatchObject({ code, message });
    expect((await listWorkflowInstances(ctx)).map((w) => w.id)).toEqual(['w1']);
  });
});
