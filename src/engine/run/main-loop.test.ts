import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness, type HarnessOptions } from '../testing/engine-harness.js';
import { fromCheckpointFile } from '../../store/run-dir/checkpoint-file.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

async function run(source: string, options: HarnessOptions = {}, variables?: Record<string, string>) {
  await harness?.cleanup();
  harness = await createEngineHarness(options);
  const handle = await startRun({ file: pipelineFile(harness), source, ...(variables ? { variables } : {}) }, harness.engine());
  const result = await handle.result();
  const checkpoint = await harness.store.latestCheckpoint(handle.runId);
  const record = await harness.store.getRun(handle.runId);
  return { handle, result, checkpoint, record };
}

const linear = `digraph Linear {
  goal="ship it"
  start [shape=Mdiamond]
  plan [prompt="Plan"]
  build [prompt="Build"]
  done [shape=Msquare]
  start -> plan -> build -> done
}`;

describe('run loop', () => {
  it('runs a linear pipeline to the exit', async () => {
    const { handle, result, checkpoint, record } = await run(linear);
    expect(result).toMatchObject({ runId: handle.runId, state: 'completed', outcome: 'success', lastNode: 'done' });
    expect(harness.handler.order).toEqual(['start', 'plan', 'build', 'done']);
    expect(record).toMatchObject({ state: 'completed', outcome: 'success', currentNode: 'done', pipeline: 'Linear', goal: 'ship it' });
    expect(handle.logsRoot).toBe(join(harness.runsDir, handle.runId));
    const status = JSON.parse(await readFile(join(handle.logsRoot, 'plan', 'status.json'), 'utf8'));
    expect(status).toMatchObject({ outcome: 'success', notes: 'ran plan' });
    const onDisk = JSON.parse(await readFile(join(handle.logsRoot, 'checkpoint.json'), 'utf8'));
    // The file uses the spec's snake_case names (digest §19).
    expect(onDisk).toMatchObject({ current_node: 'done', next_node: null, completed_nodes: ['start', 'plan', 'build', 'done'] });
    expect(fromCheckpointFile(onDisk, 'checkpoint.json')).toEqual(checkpoint);
    const manifest = JSON.parse(await readFile(join(handle.logsRoot, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ run_id: handle.runId, pipeline: 'Linear', goal: 'ship it' });
  });

  it('decision 10: the exit handler runs, appears in completed_nodes, and the last checkpoint ends the run', async () => {
    const { checkpoint } = await run(linear);
    expect(checkpoint).toMatchObject({ currentNode: 'done', nextNode: null, completedNodes: ['start', 'plan', 'build', 'done'], seq: 4 });
  });

  it('mirrors graph attributes and variables into the context, and sets the engine keys', async () => {
    const { checkpoint } = await run(linear, {}, { pr: '123' });
    expect(checkpoint?.context).toMatchObject({
      'graph.goal': 'ship it',
      'vars.pr': '123',
      outcome: 'success',
      preferred_label: '',
      current_node: 'done',
      'internal.loop_restart_count': 0,
    });
  });

  it('applies context updates before the next node runs, and routes on them', async () => {
    const source = `digraph G {
      start [shape=Mdiamond]
      check
      yes
      no
      done [shape=Msquare]
      start -> check
      check -> yes [condition="context.tests_passed=true"]
      check -> no [condition="tests_passed!=true"]
      yes -> done
      no -> done
    }`;
    const seen: unknown[] = [];
    await run(source, {
      script: {
        check: [{ status: 'success', contextUpdates: { tests_passed: true } }],
        yes: [(input) => (seen.push(input.context.get('tests_passed')), { status: 'success' })],
      },
    });
    expect(harness.handler.order).toEqual(['start', 'check', 'yes', 'done']);
    expect(seen).toEqual([true]);
  });

  it('follows the conditional branch on outcome', async () => {
    const source = `digraph Branch {
      start [shape=Mdiamond]
      implement
      gate [shape=diamond]
      ship
      fix
      done [shape=Msquare]
      start -> implement -> gate
      gate -> ship [condition="outcome=success"]
      gate -> fix [condition="outcome!=success"]
      ship -> done
      fix -> done
    }`;
    const { result } = await run(source, { script: { gate: [{ status: 'partial_success' }] } });
    expect(result.state).toBe('completed');
    expect(harness.handler.order).toEqual(['start', 'implement', 'gate', 'fix', 'done']);
    const selected = harness.events.filter((event) => event.type === 'edge.selected');
    expect(selected.map((event) => event.type === 'edge.selected' && [event.from, event.to, event.reason])).toEqual([
      ['start', 'implement', 'weight'],
      ['implement', 'gate', 'weight'],
      ['gate', 'fix', 'condition'],
      ['fix', 'done', 'weight'],
    ]);
  });

  it('routes a human-gate style preferred label to the matching edge', async () => {
    const source = `digraph G {
      start [shape=Mdiamond]
      review [shape=hexagon]
      ship
      fix
      done [shape=Msquare]
      start -> review
      review -> ship [label="[A] Approve"]
      review -> fix [label="[F] Fix"]
      ship -> done
      fix -> done
    }`;
    await run(source, { script: { review: [{ status: 'success', preferredLabel: 'Fix' }] } });
    expect(harness.handler.order).toEqual(['start', 'review', 'fix', 'done']);
    expect(harness.events.find((event) => event.type === 'edge.selected' && event.from === 'review')).toMatchObject({ to: 'fix', label: '[F] Fix', reason: 'preferred_label' });
  });

  it('a handler exception fails the node, never the loop', async () => {
    const source = `digraph G { start [shape=Mdiamond]; work; done [shape=Msquare]; start -> work -> done }`;
    const { result, record } = await run(source, { script: { work: [new Error('disk on fire')] } });
    expect(result).toMatchObject({ state: 'failed', outcome: 'fail', lastNode: 'work', error: { message: 'Node "work" failed: disk on fire', node: 'work' } });
    expect(record).toMatchObject({ state: 'failed', error: 'Node "work" failed: disk on fire' });
    expect(harness.events.at(-1)).toMatchObject({ type: 'run.failed', error: 'Node "work" failed: disk on fire', node: 'work' });
  });

  it('a node whose handler type is not registered fails naming the type', async () => {
    const source = `digraph G { start [shape=Mdiamond]; work [type="mystery"]; done [shape=Msquare]; start -> work -> done }`;
    const { result } = await run(source);
    expect(result.error?.message).toBe('Node "work" failed: No handler is registered for type "mystery" (node "work"). [E_HANDLER_NOT_FOUND]');
  });

  it('decision 18: a handler returning no outcome fails unless auto_status=true', async () => {
    const source = `digraph G { start [shape=Mdiamond]; a [auto_status=true]; b; done [shape=Msquare]; start -> a -> b -> done }`;
    const { result, checkpoint } = await run(source, { script: { a: [undefined], b: [undefined] } });
    expect(checkpoint?.nodeOutcomes.a).toEqual({ status: 'success', notes: 'auto-status: handler completed without writing status' });
    expect(result.error?.message).toBe('Node "b" failed: The handler of node "b" returned no outcome (set auto_status=true to treat that as success)');
  });

  it('decision 13: start and exit found by id run the start and exit handlers', async () => {
    const source = `digraph G { start; work; end; start -> work -> end }`;
    const { result, checkpoint } = await run(source);
    expect(result).toMatchObject({ state: 'completed', lastNode: 'end' });
    expect(checkpoint).toMatchObject({ currentNode: 'end', nextNode: null });
    expect(harness.handler.inputs.map((input) => input.node.id)).toEqual(['start', 'work', 'end']);
    expect(harness.events.filter((event) => event.type === 'node.started').map((event) => event.type === 'node.started' && event.handler)).toEqual(['start', 'codergen', 'exit']);
  });

  it('ends at a dead end after success, saying where', async () => {
    const source = `digraph G {
      start [shape=Mdiamond]; a; done [shape=Msquare]
      start -> a
      a -> done [condition="outcome=fail"]
    }`;
    const { result, checkpoint } = await run(source);
    expect(result).toMatchObject({ state: 'completed', lastNode: 'a' });
    expect(checkpoint).toMatchObject({ currentNode: 'a', nextNode: null });
    expect(harness.events.at(-1)).toMatchObject({ type: 'run.completed', notes: 'Pipeline ended at "a": no outgoing edge matched' });
  });
});
