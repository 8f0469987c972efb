import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRun } from '../runner.js';
import { createEngineHarness, eventTypes, pipelineFile, type EngineHarness, type HarnessOptions } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

async function run(source: string, options: HarnessOptions = {}) {
  await harness?.cleanup();
  harness = await createEngineHarness(options);
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine());
  const result = await handle.result();
  return { handle, result, checkpoint: await harness.store.latestCheckpoint(handle.runId) };
}

const gated = (gateAttrs: string, graphAttrs = '') => `digraph G {
  ${graphAttrs}
  start [shape=Mdiamond]
  plan
  implement [goal_gate=true ${gateAttrs}]
  review
  done [shape=Msquare]
  start -> plan -> implement -> review -> done
  implement -> review [condition="outcome=fail"]
}`;

describe('goal gates in a run', () => {
  it('an unsatisfied gate redirects to its retry_target, then the run completes', async () => {
    const { result } = await run(gated('retry_target="plan"'), { script: { implement: [{ status: 'fail', failureReason: 'tests red' }, { status: 'success' }] } });
    expect(result.state).toBe('completed');
    expect(harness.handler.order).toEqual(['start', 'plan', 'implement', 'review', 'plan', 'implement', 'review', 'done']);
    expect(harness.events.filter((event) => event.type === 'goal_gate.redirect')).toEqual([expect.objectContaining({ gate: 'implement', target: 'plan' })]);
  });

  it('falls back to the graph retry_target', async () => {
    const { result } = await run(gated('', 'retry_target="plan"'), { script: { implement: [{ status: 'fail' }, { status: 'partial_success' }] } });
    expect(result.state).toBe('completed');
    expect(harness.handler.calls.get('plan')).toBe(2);
  });

  it('an unsatisfied gate without a target fails the run at the exit, naming the gate', async () => {
    const { result, checkpoint, handle } = await run(gated(''), { script: { implement: [{ status: 'fail' }] } });
    expect(result).toMatchObject({
      state: 'failed',
      error: { message: 'Goal gate "implement" is unsatisfied (its last outcome was fail) and no retry target is set', node: 'implement' },
    });
    expect(harness.handler.calls.get('done')).toBeUndefined();
    expect(checkpoint).toMatchObject({ currentNode: 'review', nextNode: 'done' });
    expect((await harness.store.getRun(handle.runId))?.state).toBe('failed');
  });
});

describe('decision 3: failure routing in a run', () => {
  const source = (nodeAttrs: string, failEdge = '') => `digraph G {
    start [shape=Mdiamond]
    work [${nodeAttrs}]
    next
    recover
    alt
    done [shape=Msquare]
    start -> work -> next -> done
    recover -> done
    alt -> done
    start -> recover [condition="outcome=fail"]
    start -> alt [condition="outcome=fail"]
    ${failEdge}
  }`;
  const failWork = { script: { work: [{ status: 'fail' as const, failureReason: 'boom' }, { status: 'success' as const }] } };

  it('a holding fail condition edge comes first', async () => {
    await run(source('retry_target="alt"', 'work -> recover [condition="outcome=fail"]'), failWork);
    expect(harness.handler.order).toEqual(['start', 'work', 'recover', 'done']);
  });

  it('then the node retry_target', async () => {
    await run(source('retry_target="alt" fallback_retry_target="recover"'), failWork);
    expect(harness.handler.order).toEqual(['start', 'work', 'alt', 'done']);
    expect(harness.events.find((event) => event.type === 'edge.selected' && event.from === 'work')).toMatchObject({ to: 'alt', reason: 'retry_target' });
  });

  it('then fallback_retry_target', async () => {
    await run(source('fallback_retry_target="recover"'), failWork);
    expect(harness.handler.order).toEqual(['start', 'work', 'recover', 'done']);
  });

  it('otherwise the run fails with the node failure reason, never following the unconditional edge', async () => {
    const { result, checkpoint } = await run(source(''), failWork);
    expect(result).toMatchObject({ state: 'failed', error: { message: 'Node "work" failed: boom', node: 'work' } });
    expect(harness.handler.calls.get('next')).toBeUndefined();
    expect(checkpoint).toMatchObject({ currentNode: 'work', nextNode: null });
  });
});

describe('decision 9: loop_restart', () => {
  const source = `digraph G {
    start [shape=Mdiamond]
    work
    check
    done [shape=Msquare]
    start -> work -> check
    check -> work [condition="outcome=retry" loop_restart=true]
    check -> done [condition="outcome=success"]
    check -> work [condition="outcome=fail" loop_restart=true]
  }`;

  it('restarts in the same run with a fresh context and restart-N stage folders', async () => {
    const { result, checkpoint, handle } = await run(source, {
      script: {
        work: [{ status: 'success', contextUpdates: { scratch: 'first pass' } }, { status: 'success' }],
        check: [{ status: 'fail' }, { status: 'success' }],
      },
    });
    expect(result).toMatchObject({ runId: handle.runId, state: 'completed' });
    expect(harness.handler.order).toEqual(['start', 'work', 'check', 'work', 'check', 'done']);
    expect(checkpoint).toMatchObject({ loopRestarts: 1, completedNodes: ['work', 'check', 'done'] });
    expect(checkpoint?.context).toMatchObject({ 'internal.loop_restart_count': 1 });
    expect(checkpoint?.context).not.toHaveProperty('scratch');
    expect(checkpoint?.context['graph.goal']).toBe('');
    expect(harness.events.filter((event) => event.type === 'loop.restarted')).toEqual([expect.objectContaining({ from: 'check', to: 'work', count: 1 })]);
    await access(join(handle.logsRoot, 'restart-1', 'work', 'status.json'));
    await access(join(handle.logsRoot, 'work', 'status.json'));
    const types = eventTypes(harness.events);
    expect(types.filter((type) => type === 'run.started')).toHaveLength(1);
  });
});
