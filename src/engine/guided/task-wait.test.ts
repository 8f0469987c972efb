import { describe, expect, it } from 'vitest';
import { mintTenantScope, type TenantScope } from '../../core/tenant-scope.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import { guidedDepsFor, refactorDefinition } from './guided-fixtures.case.js';
import type { GuidedTaskPort, GuidedTaskRequest, GuidedTaskState } from './guided-types.js';
import { advanceGuided, getGuidedStatus, startGuided } from './orchestrator.js';

const scope = mintTenantScope('acme');
const definition = refactorDefinition({ review: { kind: 'task', description: 'Review the diff', agent: 'claude' } });

interface FakeTasks extends GuidedTaskPort {
  state: GuidedTaskState;
  /** The next ensureTask fails with this (the task service refused, or the daemon died there). */
  failNext: Error | undefined;
}

/** A project's tasks in memory: named by step and visit, made once per slug, numbered from 7. */
function fakeTasks(): { port: FakeTasks; made: Array<GuidedTaskRequest & { slug: string }> } {
  const made: Array<GuidedTaskRequest & { slug: string }> = [];
  const port: FakeTasks = {
    state: { state: 'running' },
    failNext: undefined,
    nameTask: (_scope, request) => Promise.resolve({ slug: `${request.step.toLowerCase()}-${made.filter((task) => task.step === request.step).length + 1}` }),
    ensureTask: (_scope, request) => {
      const failure = port.failNext;
      port.failNext = undefined;
      if (failure) return Promise.reject(failure);
      if (!made.some((task) => task.slug === request.slug)) made.push(request);
      return Promise.resolve({ taskId: String(7 + made.findIndex((task) => task.slug === request.slug)) });
    },
    taskState: () => Promise.resolve(port.state),
  };
  return { port, made };
}

async function atTest(tasks: GuidedTaskPort | undefined, projectDir?: string) {
  const store = createMemoryStore();
  const deps = guidedDepsFor(store, definition, tasks && { tasks });
  const { instance_id: id } = await startGuided(deps, scope, { definition, context: { target: 'a.ts' }, ...(projectDir !== undefined && { projectDir }) });
  await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
  return { store, deps, id, testDone: { instance_id: id, report: { step_id: 'TEST', status: 'success' } } };
}

describe('a step that waits for a coding-agent task', () => {
  it('issue 13: names the task, stores the step, then makes the task through the port, waits, and takes its outcome as the step\'s report', async () => {
    const { port, made } = fakeTasks();
    const { store, deps, id, testDone } = await atTest(port, '/work/p');
    const waiting = await advanceGuided(deps, scope, testDone);
    expect(waiting).toMatchObject({ status: 'waiting', waiting_for: { step: 'REVIEW', task_id: '7' } });
    expect(made).toEqual([{ guidedId: id, step: 'REVIEW', slug: 'review-1', description: 'Review the diff\n\nReview the change.', agent: 'claude', projectDir: '/work/p' }]);
    // Once the task is there, the wait keeps its slug and reference, not the request it was made from.
    expect((await store.getGuidedInstance(scope, id))?.waitingFor).toEqual({ step: 'REVIEW', taskSlug: 'review-1', taskId: '7' });
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'waiting', reason: 'step REVIEW waits for task 7' });
    port.state = { state: 'failed', result: 'tests broke' };
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'PLAN' } });
    expect((await store.readGuidedHistory(scope, id)).at(-1)).toMatchObject({ step: 'REVIEW', report: { status: 'failure', result: 'tests broke', task_id: '7' } });
    expect(made).toHaveLength(1);
  });

  it('issue 13: without a task port such a step is refused and nothing is stored', async () => {
    const { store, deps, id, testDone } = await atTest(undefined);
    const before = await store.getGuidedInstance(scope, id);
    await expect(advanceGuided(deps, scope, testDone)).rejects.toMatchObject({ code: 'E_GUIDED_STATE', message: expect.stringContaining('coding-agent task') });
    expect(await store.getGuidedInstance(scope, id)).toEqual(before);
  });
});

describe('a step whose task was not made when its entry was stored (a crash, or the task service refusing)', () => {
  it('issue 13: the step stays recorded with its task\'s slug, and the next read makes that one task', async () => {
    const { port, made } = fakeTasks();
    const { store, deps, id, testDone } = await atTest(port);
    port.failNext = new Error('the daemon went away');
    await expect(advanceGuided(deps, scope, testDone)).rejects.toMatchObject({ message: expect.stringMatching(/entered step REVIEW, but its coding task review-1 could not be made or started: the daemon went away/) });
    const stored = await store.getGuidedInstance(scope, id);
    expect(stored).toMatchObject({ status: 'waiting', currentStep: 'REVIEW', waitingFor: { step: 'REVIEW', taskSlug: 'review-1', taskRequest: { agent: 'claude' } } });
    expect(stored?.waitingFor?.taskId).toBeUndefined();
    expect(made).toEqual([]);
    expect((await store.readGuidedHistory(scope, id)).map((entry) => entry.step)).toEqual(['PLAN', 'TEST']);

    // The agent retries its report: the decision is not taken twice; the read makes the task, and the instance waits on it.
    await expect(advanceGuided(deps, scope, testDone)).rejects.toMatchObject({ code: 'E_GUIDED_STATE', message: expect.stringContaining('waits for task 7') });
    expect(made.map((task) => task.slug)).toEqual(['review-1']);
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'waiting', waiting_for: { step: 'REVIEW', task_id: '7' } });
    expect(made).toHaveLength(1);
    expect((await store.readGuidedDecisions(scope, id)).map((decision) => decision.kind)).toEqual(['start', 'advance', 'advance']);
  });

  it('issue 13: a task a crashed attempt already made is adopted, not made again', async () => {
    const { port, made } = fakeTasks();
    const { store, deps, id, testDone } = await atTest(port);
    // The crashed attempt made the task (and maybe started it), then died before storing its reference.
    const ensure = port.ensureTask;
    port.ensureTask = async (s: TenantScope, request: GuidedTaskRequest & { slug: string }) => {
      port.ensureTask = ensure;
      await ensure(s, request);
      throw new Error('killed before the reference was stored');
    };
    await expect(advanceGuided(deps, scope, testDone)).rejects.toThrow('killed before');
    expect(made.map((task) => task.slug)).toEqual(['review-1']);
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'waiting', waiting_for: { task_id: '7' } });
    expect(made).toHaveLength(1);
    expect((await store.getGuidedInstance(scope, id))?.waitingFor).toEqual({ step: 'REVIEW', taskSlug: 'review-1', taskId: '7' });
  });
});

describe('two reports entering a task step at once', () => {
  it('issue 13: one change is stored, and only its task is made: the refused one made none', async () => {
    const { port, made } = fakeTasks();
    const { store, deps, id, testDone } = await atTest(port);
    const results = await Promise.allSettled([advanceGuided(deps, scope, testDone), advanceGuided(deps, scope, testDone)]);
    const taken = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(taken).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'E_GUIDED_CONFLICT' } });
    expect(made.map((task) => task.slug)).toEqual(['review-1']);
    expect(await store.getGuidedInstance(scope, id)).toMatchObject({ waitingFor: { step: 'REVIEW', taskId: taken[0]!.waiting_for?.task_id } });
  });
});

describe('two readers picking up one finished wait', () => {
  it('issue 13: one moves the instance on, the other reports the result without an error', async () => {
    const { port } = fakeTasks();
    const { store, deps, id, testDone } = await atTest(port);
    await advanceGuided(deps, scope, testDone);
    port.state = { state: 'succeeded' };
    const [a, b] = await Promise.all([getGuidedStatus(deps, scope, { instance_id: id }), getGuidedStatus(deps, scope, { instance_id: id })]);
    expect([a.next_step?.name, b.next_step?.name]).toEqual(['DONE', 'DONE']);
    expect((await store.readGuidedHistory(scope, id)).map((h) => h.step)).toEqual(['PLAN', 'TEST', 'REVIEW']);
  });
});
