import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outgoingEdges } from '../../pipeline/graph/model.js';
import type { BranchResult, Handler } from '../handler.js';
import { startRun } from '../runner.js';
import { withoutEngineKeys } from './branch-walk.js';
import { createEngineHarness, pipelineFile, type EngineHarness, type HarnessOptions } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

/** A bare fan-out: every outgoing edge is a branch up to `join`; the branches' results are the outcome. */
function createFanOut(cancel?: (index: number, controller: AbortController) => void): Handler & { results: BranchResult[] } {
  const handler = {
    results: [] as BranchResult[],
    async execute(input: Parameters<Handler['execute']>[0]) {
      const edges = outgoingEdges(input.graph, input.node.id);
      handler.results = await Promise.all(
        edges.map((edge, index) => {
          const controller = new AbortController();
          cancel?.(index, controller);
          return input.services.runBranch({
            parentNode: input.node.id,
            startNodeId: edge.to,
            stopAt: 'join',
            context: input.context.clone(),
            index,
            signal: AbortSignal.any([controller.signal, input.signal]),
          });
        }),
      );
      return { status: 'success' as const, suggestedNextIds: ['join'], contextUpdates: { branch_count: handler.results.length } };
    },
  };
  return handler;
}

const source = `digraph P {
  start [shape=Mdiamond]
  fan [shape=component]
  b1
  b1x
  b2
  join [shape=tripleoctagon]
  done [shape=Msquare]
  start -> fan
  fan -> b1 -> b1x -> join
  fan -> b2 -> join
  join -> done
}`;

async function run(fanOut: Handler, options: HarnessOptions = {}, text = source) {
  harness = await createEngineHarness({ ...options, handlers: { parallel: fanOut } });
  const handle = await startRun({ file: pipelineFile(harness), source: text }, harness.engine());
  return { handle, result: await handle.result() };
}

describe('decision 6: parallel branches', () => {
  it('run each branch to the fan-in (not executing it), then the run continues at the fan-in', async () => {
    const fanOut = createFanOut();
    const { handle, result } = await run(fanOut, {
      script: {
        b1: [{ status: 'success', contextUpdates: { found: 'b1' } }],
        b2: [{ status: 'partial_success', notes: 'meh', contextUpdates: { score: 0.7 } }],
      },
    });
    expect(result.state).toBe('completed');
    expect(fanOut.results).toEqual([
      { id: 'b1', status: 'success', notes: 'ran b1x', failureReason: undefined, lastNode: 'b1x', contextUpdates: { found: 'b1' }, durationMs: expect.any(Number) },
      { id: 'b2', status: 'partial_success', notes: 'meh', failureReason: undefined, lastNode: 'b2', score: 0.7, contextUpdates: { score: 0.7 }, durationMs: expect.any(Number) },
    ]);
    expect(harness.handler.calls.get('join')).toBe(1);
    const checkpoint = await harness.store.latestCheckpoint(handle.runId);
    // issue 9: branch nodes are in the history, with their outcomes, after their parallel node.
    expect(checkpoint?.completedNodes).toEqual(['start', 'fan', 'b1', 'b1x', 'b2', 'join', 'done']);
    expect(Object.keys(checkpoint?.nodeOutcomes ?? {})).toEqual(['start', 'fan', 'b1', 'b1x', 'b2', 'join', 'done']);
    expect(checkpoint?.context).not.toHaveProperty('found');
    expect(checkpoint?.context.branch_count).toBe(2);
    expect((await harness.store.listCheckpoints(handle.runId)).map((c) => `${c.currentNode}->${c.nextNode}`)).toEqual(['start->fan', 'fan->join', 'join->done', 'done->null']);
    expect(harness.events.find((event) => event.type === 'edge.selected' && event.from === 'fan')).toMatchObject({ to: 'join', reason: 'suggested_id' });
  });

  it('branch nodes get node records, tagged events and files at {logs_root}/<node id>', async () => {
    const { handle } = await run(createFanOut());
    const records = await harness.store.listNodeRecords(handle.runId);
    expect(records.map((record) => record.nodeId).sort()).toEqual(['b1', 'b1x', 'b2', 'done', 'fan', 'join', 'start']);
    const tagged = harness.events.filter((event) => event.inBranch !== undefined);
    expect(new Set(tagged.map((event) => event.inBranch))).toEqual(new Set(['fan/b1', 'fan/b2']));
    expect(tagged.filter((event) => event.type === 'node.completed')).toHaveLength(3);
    expect(await harness.store.readEvents(handle.runId, 0)).toEqual(harness.events);
    await access(join(handle.logsRoot, 'b1x', 'status.json'));
  });

  it('issue 9: max_visits stops a loop inside a parallel branch, failing that branch', async () => {
    const fanOut = createFanOut();
    const looping = source.replace('b2 -> join', 'b2 -> b2 [condition="outcome=success"]\n  b2 -> join [condition="outcome=fail"]').replace('  b2\n', '  b2 [max_visits=3]\n');
    await run(fanOut, {}, looping);
    expect(harness.handler.calls.get('b2')).toBe(3);
    expect(fanOut.results[1]).toMatchObject({ status: 'fail', lastNode: 'b2' });
    expect(fanOut.results[1]?.failureReason).toContain('Node "b2" exceeded max_visits=3');
  });

  it('a failing branch node without a fail route ends that branch with FAIL', async () => {
    const fanOut = createFanOut();
    await run(fanOut, { script: { b1: [{ status: 'fail', failureReason: 'broken' }] } });
    expect(fanOut.results[0]).toMatchObject({ status: 'fail', failureReason: 'Node "b1" failed: broken', lastNode: 'b1' });
    expect(harness.handler.calls.get('b1x')).toBeUndefined();
    expect(fanOut.results[1]).toMatchObject({ status: 'success' });
  });

  it('a branch whose signal aborts is cancelled', async () => {
    let cancelB1!: () => void;
    const fanOut = createFanOut((index, controller) => {
      if (index === 0) cancelB1 = () => controller.abort();
    });
    await run(fanOut, {
      script: {
        b1: [
          (input) =>
            new Promise((resolve) => {
              input.signal.addEventListener('abort', () => resolve({ status: 'success' }));
              cancelB1();
            }),
        ],
      },
    });
    expect(fanOut.results[0]).toMatchObject({ status: 'fail', failureReason: 'The branch was cancelled', lastNode: 'b1' });
    expect(harness.handler.calls.get('b1x')).toBeUndefined();
  });
});

describe('issue 9: what a branch reports to its fan-in', () => {
  it.each([
    ['its own keys', { review: 'ok', score: 2 }, { review: 'ok', score: 2 }],
    ['not the engine bookkeeping', { outcome: 'success', preferred_label: '', current_node: 'x', 'internal.retry_count.x': 1 }, {}],
    ['not a nested fan-out\'s parallel.* keys', { 'parallel.success_count': 1, 'parallel.results': [], 'parallel.fan_in.best_id': 'a', found: 1 }, { found: 1 }],
  ])('%s', (_name, updates, expected) => {
    expect(withoutEngineKeys(updates)).toEqual(expected);
  });
});
