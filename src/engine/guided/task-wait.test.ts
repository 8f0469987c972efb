import { describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import { guidedDepsFor, refactorDefinition } from './guided-fixtures.case.js';
import type { GuidedTaskPort, GuidedTaskState } from './guided-types.js';
import { advanceGuided, getGuidedStatus, startGuided } from './orchestrator.js';

const scope = mintTenantScope('acme');
const definition = refactorDefinition({ review: { kind: 'task', description: 'Review the diff', agent: 'claude' } });

describe('a step that waits for a coding-agent task', () => {
  it('issue 13: starts the task through the port, waits, and takes its outcome as the step\'s report', async () => {
    const store = createMemoryStore();
    const created: unknown[] = [];
    let state: GuidedTaskState = { state: 'running' };
    const tasks: GuidedTaskPort = {
      createTask: (_scope, request) => (created.push(request), Promise.resolve({ taskId: '7' })),
      taskState: () => Promise.resolve(state),
      abandonTask: () => Promise.reject(new Error('not abandoned here')),
    };
    const deps = guidedDepsFor(store, definition, { tasks });
    const { instance_id: id } = await startGuided(deps, scope, { definition, context: { target: 'a.ts' }, projectDir: '/work/p' });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    const waiting = await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'TEST', status: 'success' } });
    expect(waiting).toMatchObject({ status: 'waiting', waiting_for: { step: 'REVIEW', task_id: '7' } });
    expect(created).toEqual([{ guidedId: id, step: 'REVIEW', description: 'Review the diff\n\nReview the change.', agent: 'claude', projectDir: '/work/p' }]);
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'waiting', reason: 'step REVIEW waits for task 7' });
    state = { state: 'failed', result: 'tests broke' };
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'PLAN' } });
    expect((await store.readGuidedHistory(scope, id)).at(-1)).toMatchObject({ step: 'REVIEW', report: { status: 'failure', result: 'tests broke', task_id: '7' } });
  });

  it('issue 13: without a task port such a step is refused and nothing is stored', async () => {
    const store = createMemoryStore();
    const deps = guidedDepsFor(store, definition);
    const { instance_id: id } = await startGuided(deps, scope, { definition, context: { target: 'a.ts' } });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    const before = await store.getGuidedInstance(scope, id);
    await expect(advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'TEST', status: 'success' } })).rejects.toMatchObject({ code: 'E_GUIDED_STATE', message: expect.stringContaining('coding-agent task') });
    expect(await store.getGuidedInstance(scope, id)).toEqual(before);
  });
});

describe('two reports entering a task step at once', () => {
  it('issue 13: both start a task, one change is stored, and the task of the refused one is stopped', async () => {
    const store = createMemoryStore();
    let next = 0;
    const abandoned: string[] = [];
    const tasks: GuidedTaskPort = {
      createTask: () => Promise.resolve({ taskId: String((next += 1)) }),
      taskState: () => Promise.resolve({ state: 'running' }),
      abandonTask: (_scope, taskId) => (abandoned.push(taskId), Promise.resolve()),
    };
    const deps = guidedDepsFor(store, definition, { tasks });
    const { instance_id: id } = await startGuided(deps, scope, { definition, context: { target: 'a.ts' } });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    const report = { instance_id: id, report: { step_id: 'TEST', status: 'success' } };
    const results = await Promise.allSettled([advanceGuided(deps, scope, report), advanceGuided(deps, scope, report)]);
    const taken = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(taken).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'E_GUIDED_CONFLICT' } });
    const kept = taken[0]!.waiting_for?.task_id;
    expect(abandoned).toEqual([kept === '1' ? '2' : '1']);
    expect(await store.getGuidedInstance(scope, id)).toMatchObject({ waitingFor: { step: 'REVIEW', taskId: kept } });
  });
});

describe('two readers picking up one finished wait', () => {
  it('issue 13: one moves the instance on, the other reports the result without an error', async () => {
    const store = createMemoryStore();
    const tasks: GuidedTaskPort = { createTask: () => Promise.resolve({ taskId: '8' }), taskState: () => Promise.resolve({ state: 'succeeded' }), abandonTask: () => Promise.resolve() };
    const deps = guidedDepsFor(store, definition, { tasks });
    const { instance_id: id } = await startGuided(deps, scope, { definition, context: { target: 'a.ts' } });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    tasks.taskState = () => Promise.resolve({ state: 'running' });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'TEST', status: 'success' } });
    tasks.taskState = () => Promise.resolve({ state: 'succeeded' });
    const [a, b] = await Promise.all([getGuidedStatus(deps, scope, { instance_id: id }), getGuidedStatus(deps, scope, { instance_id: id })]);
    expect([a.next_step?.name, b.next_step?.name]).toEqual(['DONE', 'DONE']);
    expect((await store.readGuidedHistory(scope, id)).map((h) => h.step)).toEqual(['PLAN', 'TEST', 'REVIEW']);
  });
});
