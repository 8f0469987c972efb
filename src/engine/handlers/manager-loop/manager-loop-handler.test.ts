import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../store/sqlite/index.js';
import type { Store } from '../../../store/store.js';
import type { RunState } from '../../../store/types.js';
import type { ChildRunRequest } from '../../handler.js';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import { cleanupHarnesses, createHandlerHarness, createManualClock, deferred } from '../testing/index.js';
import { createManagerLoopHandler } from './manager-loop-handler.js';

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await cleanupHarnesses();
});

/** A child run in a real store, moved along by the test instead of an engine. */
function scriptedChild(store: Store) {
  const runId = 'child-run';
  const result = deferred<{ status: 'success' | 'fail'; error?: string }>();
  let seq = 0;
  let request: ChildRunRequest | undefined;
  const completed: string[] = [];
  return {
    runId,
    get request() {
      return request;
    },
    async start(req: ChildRunRequest) {
      request = req;
      await store.createRun({ id: runId, pipeline: 'child', file: req.file, source: '', goal: '', logsRoot: req.logsRoot, variables: req.variables, options: {}, startedAt: 0, parentRunId: 'run-test' });
      req.signal.addEventListener('abort', () => {
        void store.updateRun(runId, { state: 'interrupted' }).then(() => result.resolve({ status: 'fail', error: 'interrupted' }));
      });
      return { runId, result: result.promise };
    },
    async reach(node: string) {
      await store.updateRun(runId, { currentNode: node });
    },
    async complete(node: string) {
      completed.push(node);
      seq++;
      const checkpoint = { v: 1 as const, seq, timestamp: seq, currentNode: node, nextNode: null, completedNodes: [...completed], nodeOutcomes: {}, nodeRetries: {}, context: {}, logs: [], loopRestarts: 0 };
      await store.commitCheckpoint(runId, checkpoint, { currentNode: node }, []);
    },
    async finish(state: RunState, outcome: 'success' | 'fail', error?: string) {
      await store.updateRun(runId, { state, outcome, finishedAt: 1, ...(error ? { error } : {}) });
      result.resolve({ status: state === 'completed' ? outcome : 'fail', ...(error ? { error } : {}) });
    },
  };
}

async function setup(managerAttrs: PlainAttrs = {}, graphAttrs: PlainAttrs = { 'stack.child_dotfile': 'child.dot' }, context: Record<string, unknown> = {}) {
  const graph = buildGraph({ attrs: graphAttrs, nodes: { manage: { shape: 'house', 'manager.poll_interval': '30s', ...managerAttrs } } });
  const clock = createManualClock();
  // The store lives in the harness's temp dir, so the child is made once the harness exists.
  const ref: { child?: ReturnType<typeof scriptedChild> } = {};
  const harness = await createHandlerHarness({
    graph,
    nodeId: 'manage',
    clock,
    context,
    run: { variables: { pr: '7' } },
    startChildRun: (request) => ref.child!.start(request),
  });
  const store = await openSqliteStore(join(harness.rootDir, 'orchestra.db'));
  stores.push(store);
  harness.input.services.store = store;
  const child = scriptedChild(store);
  ref.child = child;
  return { harness, clock, child, store };
}

describe('decision 20: stack.manager_loop handler', () => {
  it('starts the child pipeline relative to the DOT file, under {stage}/child', async () => {
    const { harness, child } = await setup({}, { 'stack.child_dotfile': 'sub/child.dot', 'stack.child_workdir': 'work' });
    const pending = createManagerLoopHandler().execute(harness.input);
    await child.finish('completed', 'success');
    await pending;
    const base = harness.input.run.baseDir;
    expect({ ...child.request!, signal: undefined }).toEqual({ file: join(base, 'sub/child.dot'), logsRoot: join(harness.stageDir, 'child'), workdir: join(base, 'work'), variables: { pr: '7' }, signal: undefined });
  });

  it('observes the child every cycle and succeeds when it completes with success', async () => {
    const { harness, clock, child } = await setup();
    const pending = createManagerLoopHandler().execute(harness.input);
    await clock.nextSleep();
    await child.complete('start');
    await child.reach('build');
    clock.wake();
    await harness.waitForEvent('manager.cycle', (e) => e.cycle === 2);
    await child.complete('build');
    await child.finish('completed', 'success');
    const outcome = await pending;
    expect(outcome).toEqual({
      status: 'success',
      notes: 'Child run child-run completed: success',
      contextUpdates: {
        'stack.child.run_id': 'child-run',
        'stack.child.status': 'completed',
        'stack.child.outcome': 'success',
        'stack.child.current_node': 'build',
        'stack.child.completed_count': 2,
      },
    });
    expect(harness.eventsOf('manager.cycle').map((e) => [e.cycle, e.childStatus])).toEqual([
      [1, 'running'],
      [2, 'running'],
      [3, 'completed'],
    ]);
    expect(clock.sleeping).toEqual([]);
  });

  it.each<[string, RunState, 'success' | 'fail', string | undefined, string]>([
    ['failed', 'failed', 'fail', 'node build failed', 'Child run child-run failed: node build failed'],
    ['completed without success', 'completed', 'fail', undefined, 'Child run child-run completed with outcome fail'],
  ])('fails when the child %s', async (_name, state, outcome, error, failureReason) => {
    const { harness, child } = await setup();
    const pending = createManagerLoopHandler().execute(harness.input);
    await child.finish(state, outcome, error);
    await expect(pending).resolves.toMatchObject({ status: 'fail', failureReason });
  });

  it('succeeds when the stop condition holds, and stops the child', async () => {
    const { harness, clock, child } = await setup({ 'manager.stop_condition': 'context.stack.child.completed_count=2' });
    const pending = createManagerLoopHandler().execute(harness.input);
    await clock.nextSleep();
    await child.complete('start');
    await child.complete('plan');
    clock.wake();
    const outcome = await pending;
    expect(outcome).toMatchObject({ status: 'success', notes: 'Stop condition holds: context.stack.child.completed_count=2' });
    expect(child.request!.signal.aborted).toBe(true);
  });

  it('fails after max_cycles, stopping the child', async () => {
    const { harness, clock, child } = await setup({ 'manager.max_cycles': 2 });
    const pending = createManagerLoopHandler().execute(harness.input);
    await clock.nextSleep();
    clock.wake();
    const outcome = await pending;
    expect(outcome).toMatchObject({ status: 'fail', failureReason: 'Max cycles exceeded (2) while child run child-run was running' });
    expect(harness.eventsOf('manager.cycle')).toHaveLength(2);
    expect(child.request!.signal.aborted).toBe(true);
  });

  it('waits manager.poll_interval between cycles on the injected clock', async () => {
    const { harness, clock, child } = await setup({ 'manager.poll_interval': '5s' });
    const pending = createManagerLoopHandler().execute(harness.input);
    expect(await clock.nextSleep()).toEqual({ ms: 5000 });
    await child.finish('completed', 'success');
    await pending;
  });

  it('steer writes the prompt to steer.md in the stage dir of the child node, once per node', async () => {
    const { harness, clock, child } = await setup({ 'manager.actions': 'observe,steer,wait', prompt: 'Focus on PR $pr and ${context.focus}' }, undefined, { focus: 'tests' });
    const pending = createManagerLoopHandler().execute(harness.input);
    await clock.nextSleep();
    await child.reach('build');
    clock.wake();
    await harness.waitForEvent('manager.cycle', (e) => e.cycle === 2);
    const steerFile = join(harness.stageDir, 'child', 'build', 'steer.md');
    expect(await readFile(steerFile, 'utf8')).toBe('Focus on PR 7 and tests\n');
    await child.finish('completed', 'success');
    await pending;
  });

  it('attaches to stack.child.run_id when autostart is off', async () => {
    const { harness, store } = await setup({ 'stack.child_autostart': false, 'manager.max_cycles': 1 }, { 'stack.child_dotfile': 'child.dot' }, { 'stack.child.run_id': 'existing' });
    await store.createRun({ id: 'existing', pipeline: 'c', file: '/c.dot', source: '', goal: '', logsRoot: '/tmp/x', variables: {}, options: {}, startedAt: 0 });
    await store.updateRun('existing', { state: 'completed', outcome: 'success' });
    await expect(createManagerLoopHandler().execute(harness.input)).resolves.toMatchObject({ status: 'success', notes: 'Child run existing completed: success' });
    expect(harness.childRequests).toEqual([]);
  });

  it.each<[string, PlainAttrs, PlainAttrs, string]>([
    ['no stack.child_dotfile', {}, {}, 'Manager node "manage" needs the graph attribute stack.child_dotfile naming the child pipeline'],
    ['autostart off, no run id, and the context never reports the child done', { 'stack.child_autostart': false, 'manager.max_cycles': 1 }, {}, 'Max cycles exceeded (1) while the child was unobserved'],
  ])('fails with %s', async (_name, managerAttrs, graphAttrs, failureReason) => {
    const { harness } = await setup(managerAttrs, graphAttrs);
    await expect(createManagerLoopHandler().execute(harness.input)).resolves.toMatchObject({ status: 'fail', failureReason });
  });

  it('issue 9: with autostart off and no child run, it watches stack.child.* in the context (§4.11)', async () => {
    const { harness } = await setup({ 'stack.child_autostart': false, 'manager.max_cycles': 2 }, {}, { 'stack.child.status': 'completed', 'stack.child.outcome': 'success' });
    await expect(createManagerLoopHandler().execute(harness.input)).resolves.toMatchObject({ status: 'success', notes: 'The child (stack.child.* in the context) completed: success' });
    expect(harness.childRequests).toEqual([]);
  });

  it('stops the child and rejects with the reason when cancelled', async () => {
    const { harness, clock, child } = await setup();
    const pending = createManagerLoopHandler().execute(harness.input);
    await clock.nextSleep();
    harness.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
    expect(child.request!.signal.aborted).toBe(true);
  });
});
