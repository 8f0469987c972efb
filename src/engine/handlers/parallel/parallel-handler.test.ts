import { afterEach, describe, expect, it } from 'vitest';
import type { BranchRequest, BranchResult } from '../../handler.js';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import { branchResult, cleanupHarnesses, createHandlerHarness, deferred } from '../testing/index.js';
import { createParallelHandler } from './parallel-handler.js';

afterEach(cleanupHarnesses);

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function fanOutGraph(parallelAttrs: PlainAttrs = {}, branches = ['a', 'b']) {
  return buildGraph({
    nodes: { fan: { shape: 'component', ...parallelAttrs }, join: { shape: 'tripleoctagon' } },
    edges: [...branches.map((b): [string, string] => ['fan', b]), ...branches.map((b): [string, string] => [b, 'join'])],
  });
}

async function harnessFor(runBranch: (request: BranchRequest) => Promise<BranchResult>, parallelAttrs: PlainAttrs = {}, branches = ['a', 'b']) {
  return createHandlerHarness({ graph: fanOutGraph(parallelAttrs, branches), nodeId: 'fan', context: { base: 1 }, runBranch });
}

describe('decision 6: parallel handler', () => {
  it('runs every branch to the fan-in and stores parallel.results', async () => {
    const harness = await harnessFor(async (request) => {
      request.context.set('score', request.startNodeId === 'a' ? 0.9 : 0.1);
      if (request.startNodeId === 'a') return branchResult('a', { notes: 'done', score: 0.9, contextUpdates: { score: 0.9, 'a.out': 'x' }, lastNode: 'a' });
      return branchResult('b', { status: 'fail', failureReason: 'boom', lastNode: 'b' });
    });
    const outcome = await createParallelHandler().execute(harness.input);
    expect(outcome).toEqual({
      status: 'partial_success',
      notes: '1 of 2 branches succeeded (wait_all)',
      suggestedNextIds: ['join'],
      contextUpdates: {
        'parallel.results': [
          { id: 'a', status: 'success', notes: 'done', failure_reason: null, last_node: 'a', score: 0.9, context_updates: { score: 0.9, 'a.out': 'x' } },
          { id: 'b', status: 'fail', notes: null, failure_reason: 'boom', last_node: 'b', score: null, context_updates: {} },
        ],
        'parallel.branch.a.status': 'success',
        'parallel.branch.b.status': 'fail',
        'parallel.success_count': 1,
        'parallel.fail_count': 1,
      },
    });
    expect(harness.input.context.has('score')).toBe(false);
  });

  it('gives each branch its own clone of the context, the fan-in to stop at and its index', async () => {
    const harness = await harnessFor(async (request) => branchResult(request.startNodeId));
    await createParallelHandler().execute(harness.input);
    const [a, b] = harness.branchRequests;
    expect(a!.context).not.toBe(b!.context);
    expect(a!.context).not.toBe(harness.input.context);
    expect([a!.context.snapshot(), b!.context.snapshot()]).toEqual([{ base: 1 }, { base: 1 }]);
    expect(harness.branchRequests.map((r) => [r.parentNode, r.startNodeId, r.stopAt, r.index])).toEqual([
      ['fan', 'a', 'join', 0],
      ['fan', 'b', 'join', 1],
    ]);
  });

  it('emits parallel and branch events', async () => {
    const harness = await harnessFor(async (request) => branchResult(request.startNodeId, { durationMs: 5 }), { max_parallel: 1 });
    await createParallelHandler().execute(harness.input);
    expect(harness.events.map((e) => e.type)).toEqual([
      'parallel.started',
      'parallel.branch.started',
      'parallel.branch.completed',
      'parallel.branch.started',
      'parallel.branch.completed',
      'parallel.completed',
    ]);
    expect(harness.events[0]).toEqual({ type: 'parallel.started', node: 'fan', branchCount: 2, joinPolicy: 'wait_all', maxParallel: 1 });
    expect(harness.events[2]).toEqual({ type: 'parallel.branch.completed', node: 'fan', branch: 'a', index: 0, durationMs: 5, status: 'success', success: true });
    expect(harness.events[5]).toMatchObject({ type: 'parallel.completed', node: 'fan', successCount: 2, failureCount: 0 });
  });

  it('runs at most max_parallel branches at once', async () => {
    const ids = ['a', 'b', 'c'];
    const started = new Map(ids.map((id) => [id, deferred<void>()]));
    const finish = new Map(ids.map((id) => [id, deferred<BranchResult>()]));
    let active = 0;
    let peak = 0;
    const harness = await harnessFor(
      async (request) => {
        active++;
        peak = Math.max(peak, active);
        started.get(request.startNodeId)!.resolve();
        try {
          return await finish.get(request.startNodeId)!.promise;
        } finally {
          active--;
        }
      },
      { max_parallel: 2 },
      ids,
    );
    const pending = createParallelHandler().execute(harness.input);
    await Promise.all([started.get('a')!.promise, started.get('b')!.promise]);
    expect(harness.branchRequests.map((r) => r.startNodeId)).toEqual(['a', 'b']);
    finish.get('b')!.resolve(branchResult('b'));
    await started.get('c')!.promise;
    finish.get('a')!.resolve(branchResult('a'));
    finish.get('c')!.resolve(branchResult('c'));
    expect((await pending).status).toBe('success');
    expect(peak).toBe(2);
  });

  it('first_success: the first SUCCESS aborts running branches and skips the rest', async () => {
    const harness = await harnessFor(
      async (request) => {
        if (request.startNodeId === 'b') return branchResult('b');
        await untilAborted(request.signal);
        return branchResult(request.startNodeId, { status: 'fail', failureReason: 'The branch was cancelled' });
      },
      { join_policy: 'first_success', max_parallel: 2 },
      ['a', 'b', 'c'],
    );
    const outcome = await createParallelHandler().execute(harness.input);
    expect(outcome.status).toBe('success');
    expect((outcome.contextUpdates?.['parallel.results'] as Array<{ id: string; status: string; notes: string | null }>).map((r) => [r.id, r.status, r.notes])).toEqual([
      ['a', 'skipped', 'Cancelled: branch "b" succeeded first'],
      ['b', 'success', null],
      ['c', 'skipped', 'Cancelled: branch "b" succeeded first'],
    ]);
    expect(harness.branchRequests.map((r) => r.startNodeId)).toEqual(['a', 'b']);
    expect(harness.branchRequests[0]!.signal.aborted).toBe(true);
    expect(harness.eventsOf('parallel.branch.started').map((e) => e.branch)).toEqual(['a', 'b']);
  });

  it('first_success: FAIL when no branch succeeds', async () => {
    const harness = await harnessFor(async (request) => branchResult(request.startNodeId, { status: 'fail' }), { join_policy: 'first_success' });
    const outcome = await createParallelHandler().execute(harness.input);
    expect(outcome).toMatchObject({ status: 'fail', failureReason: 'No branch of parallel node "fan" succeeded', suggestedNextIds: ['join'] });
  });

  it('records a branch whose runner threw as a failed branch', async () => {
    const harness = await harnessFor(async (request) => {
      if (request.startNodeId === 'b') throw new Error('store unavailable');
      return branchResult('a');
    });
    const outcome = await createParallelHandler().execute(harness.input);
    expect(outcome.status).toBe('partial_success');
    expect((outcome.contextUpdates?.['parallel.results'] as Array<{ failure_reason: string | null }>)[1]!.failure_reason).toBe('store unavailable');
  });

  it('aborts every branch and rejects with the reason when the node is cancelled', async () => {
    const started = [deferred<void>(), deferred<void>()];
    const harness = await harnessFor(async (request) => {
      started[request.index]!.resolve();
      await untilAborted(request.signal);
      return branchResult(request.startNodeId, { status: 'fail', failureReason: 'The branch was cancelled' });
    });
    const pending = createParallelHandler().execute(harness.input);
    await Promise.all(started.map((d) => d.promise));
    harness.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
    expect(harness.branchRequests.every((r) => r.signal.aborted)).toBe(true);
  });

  it('continues without a fan-in when the branches never meet', async () => {
    const graph = buildGraph({ nodes: { fan: { shape: 'component' } }, edges: [['fan', 'a'], ['fan', 'b']] });
    const harness = await createHandlerHarness({ graph, nodeId: 'fan', runBranch: async (r) => branchResult(r.startNodeId) });
    const outcome = await createParallelHandler().execute(harness.input);
    expect(outcome.suggestedNextIds).toBeUndefined();
    expect(harness.branchRequests.map((r) => r.stopAt)).toEqual([undefined, undefined]);
  });

  it.each([
    ['no outgoing edges', buildGraph({ nodes: { fan: { shape: 'component' } } }), 'Parallel node "fan" has no outgoing edges to run as branches'],
    ['max_parallel below 1', fanOutGraph({ max_parallel: 0 }), 'max_parallel of node "fan" must be at least 1, got 0'],
  ])('fails with %s', async (_name, graph, failureReason) => {
    const harness = await createHandlerHarness({ graph, nodeId: 'fan' });
    await expect(createParallelHandler().execute(harness.input)).resolves.toEqual({ status: 'fail', failureReason });
    expect(harness.events).toEqual([]);
  });

  it('rejects an unknown join_policy', async () => {
    const harness = await createHandlerHarness({ graph: fanOutGraph({ join_policy: 'quorum' }), nodeId: 'fan' });
    await expect(createParallelHandler().execute(harness.input)).rejects.toMatchObject({
      code: 'E_ATTRIBUTE_TYPE',
      message: 'Attribute "join_policy" of node "fan" (<test>:1:1) must be one of wait_all, first_success, found "quorum".',
    });
  });
});

describe('issue 14: parallel results with a workspace', () => {
  it('name each branch’s workspace by parallel node, edge index and git branch; branches without one have none', async () => {
    const harness = await harnessFor(async (request) =>
      request.startNodeId === 'a' ? branchResult('a', { workspaceBranches: { app: 'orchestra/p/r--fan-0' } }) : branchResult('b', { status: 'skipped' }),
    );
    const outcome = await createParallelHandler().execute(harness.input);
    const results = outcome.contextUpdates?.['parallel.results'] as Array<Record<string, unknown>>;
    expect(results.map((r) => r.workspace)).toEqual([{ node: 'fan', index: 0, branches: { app: 'orchestra/p/r--fan-0' } }, undefined]);
    expect('workspace' in results[1]!).toBe(false);
  });
});
