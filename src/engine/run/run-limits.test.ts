import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph, buildNode, type PlainAttrs } from '../testing/build-graph.js';
import { resumeRun, startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, whenStarted, type EngineHarness } from '../testing/engine-harness.js';
import type { HandlerInput } from '../handler.js';
import type { ScriptStep } from '../testing/scripted-handler.js';
import { limitFailure, resolveMaxSteps, stepLimitFailure, visitLimitFailure } from './run-limits.js';

describe('issue 9: run limits', () => {
  it.each<[string, number, number, boolean]>([
    ['below the limit runs', 9, 10, false],
    ['at the limit stops', 10, 10, true],
    ['past the limit stops (a resumed run counted on)', 12, 10, true],
    ['a limit of 1 allows one execution', 0, 1, false],
  ])('issue 9: step limit: %s', (_name, steps, max, stops) => {
    expect(stepLimitFailure(steps, max, 'loop') !== undefined).toBe(stops);
  });

  it('issue 9: the step-limit failure names the node, the limit and how to raise it', () => {
    expect(stepLimitFailure(20, 20, 'loop')).toBe(
      'The run stopped before node "loop": it reached the limit of 20 node executions (max_steps), which usually means a loop that never ends. ' +
        'If the pipeline really needs more, raise the limit with the graph attribute max_steps (graph [max_steps=40])',
    );
  });

  it.each<[string, PlainAttrs, PlainAttrs, number]>([
    ['default is 10000', {}, {}, 10_000],
    ['graph max_steps', { max_steps: 50 }, {}, 50],
    ['max_steps below 1 counts as 1', { max_steps: 0 }, {}, 1],
  ])('issue 9: max steps: %s', (_name, graphAttrs, _unused, expected) => {
    expect(resolveMaxSteps(buildGraph({ attrs: graphAttrs, nodes: {} }))).toBe(expected);
  });

  it.each<[string, PlainAttrs, string[], boolean]>([
    ['no max_visits never stops', {}, ['a', 'a', 'a'], false],
    ['under max_visits runs', { max_visits: 3 }, ['a', 'b', 'a'], false],
    ['at max_visits stops', { max_visits: 2 }, ['a', 'b', 'a'], true],
    ['other nodes do not count', { max_visits: 1 }, ['b', 'b'], false],
    ['max_visits=0 never runs', { max_visits: 0 }, [], true],
  ])('issue 9: visit limit: %s', (_name, attrs, history, stops) => {
    expect(visitLimitFailure(buildNode('a', attrs), history) !== undefined).toBe(stops);
  });

  it('issue 9: a mistyped limit stops the walk, named', () => {
    const graph = buildGraph({ attrs: {}, nodes: { a: { max_visits: 'lots' } } });
    const failure = limitFailure({ graph, stepsTaken: () => 0 }, { progress: { completedNodes: [] } as never }, graph.nodes.get('a')!);
    expect(failure).toContain('Cannot check the run\'s limits before node "a"');
  });
});

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

async function run(source: string, script: Record<string, ScriptStep[]> = {}) {
  harness = await createEngineHarness({ script });
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine());
  return { handle, result: await handle.result() };
}

const selfLoop = (graphAttrs: string) => `digraph G { ${graphAttrs} start [shape=Mdiamond]; loop; done [shape=Msquare]; start -> loop; loop -> loop [condition="outcome=success"]; loop -> done [condition="outcome=fail"] }`;

describe('issue 9: runaway loops end', () => {
  it('issue 9: a loop -> loop self-edge ends with the step-limit failure (decision 30)', async () => {
    const { handle, result } = await run(selfLoop('max_steps=20'));
    expect(result).toMatchObject({ state: 'failed', lastNode: 'loop' });
    expect(result.error?.message).toContain('reached the limit of 20 node executions (max_steps)');
    expect(harness.handler.calls.get('loop')).toBe(19);
    expect(await harness.store.getRun(handle.runId)).toMatchObject({ state: 'failed' });
    expect(harness.events.at(-1)).toMatchObject({ type: 'run.failed', node: 'loop' });
  });

  it('issue 9: max_visits on a node in a cycle fails the run naming the node and the limit (decision 30)', async () => {
    const source = `digraph G { start [shape=Mdiamond]; a [max_visits=3]; b; done [shape=Msquare]
      start -> a -> b; b -> a [condition="outcome=success"]; b -> done [condition="outcome=fail"] }`;
    const { result } = await run(source);
    expect(result.state).toBe('failed');
    expect(result.error?.message).toBe('Node "a" exceeded max_visits=3: it has run 3 times and would run again. Raise max_visits on "a" if the loop needs more rounds, or route it out of the loop sooner');
    expect([harness.handler.calls.get('a'), harness.handler.calls.get('b')]).toEqual([3, 3]);
  });

  it('issue 9: a resumed run keeps counting steps from where it stopped, not from zero', async () => {
    let announce!: (input: HandlerInput) => void;
    const started = new Promise<HandlerInput>((resolve) => (announce = resolve));
    const blocker: ScriptStep = (input) =>
      new Promise((resolve) => {
        input.signal.addEventListener('abort', () => resolve({ status: 'fail', failureReason: 'aborted' }), { once: true });
        announce(input);
      });
    const ok = { status: 'success' as const };
    harness = await createEngineHarness({ script: { loop: [ok, ok, blocker, ok] } });
    const controller = new AbortController();
    const handle = await startRun({ file: pipelineFile(harness), source: selfLoop('max_steps=6') }, harness.engine({ signal: controller.signal }));
    await whenStarted(started, handle);
    controller.abort(new Error('Ctrl-C'));
    expect((await handle.result()).state).toBe('interrupted');

    const resumed = await (await resumeRun(handle.runId, harness.engine())).result();
    expect(resumed.error?.message).toContain('reached the limit of 6 node executions');
    // start, loop ×2, the interrupted attempt, then two more: six executions in all.
    expect(harness.handler.calls.get('loop')).toBe(5);
  });
});
