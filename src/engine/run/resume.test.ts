import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerInput } from '../handler.js';
import { resumeRun, startRun } from '../runner.js';
import { createEngineHarness, eventTypes, pipelineFile, whenStarted, type EngineHarness } from '../testing/engine-harness.js';
import type { ScriptStep } from '../testing/scripted-handler.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const source = `digraph G {
  start [shape=Mdiamond]
  a
  b [fidelity=full]
  c [fidelity=full]
  done [shape=Msquare]
  start -> a -> b -> c -> done
}`;

/** A step that blocks until its signal aborts, announcing that it started. */
function blockUntilAborted(): { step: ScriptStep; started: Promise<HandlerInput> } {
  let announce!: (input: HandlerInput) => void;
  const started = new Promise<HandlerInput>((resolve) => (announce = resolve));
  const step: ScriptStep = (input) =>
    new Promise((resolve) => {
      input.signal.addEventListener('abort', () => resolve({ status: 'fail', failureReason: 'aborted' }), { once: true });
      announce(input);
    });
  return { step, started };
}

async function interruptAt(node: string) {
  const blocker = blockUntilAborted();
  harness = await createEngineHarness({ script: { [node]: [blocker.step, { status: 'success' }] } });
  const controller = new AbortController();
  const handle = await startRun({ file: pipelineFile(harness, 'missing.dot'), source }, harness.engine({ signal: controller.signal }));
  await whenStarted(blocker.started, handle);
  controller.abort(new Error('Ctrl-C'));
  return { handle, result: await handle.result() };
}

describe('interrupt and resume', () => {
  it('an aborted signal interrupts the run, keeping the last checkpoint', async () => {
    const { handle, result } = await interruptAt('b');
    expect(result).toMatchObject({ state: 'interrupted', lastNode: 'b', error: { code: 'E_INTERRUPTED', node: 'b' } });
    expect(await harness.store.getRun(handle.runId)).toMatchObject({ state: 'interrupted', currentNode: 'b' });
    expect(await harness.store.latestCheckpoint(handle.runId)).toMatchObject({ seq: 2, currentNode: 'a', nextNode: 'b' });
    expect(harness.events.at(-1)).toMatchObject({ type: 'run.interrupted', reason: 'Ctrl-C', node: 'b' });
    expect(await harness.store.getLease(handle.runId)).toBeUndefined();
  });

  it('resume continues where it stopped without re-running completed nodes, from the stored source', async () => {
    const { handle } = await interruptAt('b');
    const resumed = await resumeRun(handle.runId, harness.engine());
    expect(resumed.runId).toBe(handle.runId);
    const result = await resumed.result();
    expect(result).toMatchObject({ state: 'completed', outcome: 'success', lastNode: 'done' });
    expect(Object.fromEntries(harness.handler.calls)).toEqual({ start: 1, a: 1, b: 2, c: 1, done: 1 });
    const checkpoint = await harness.store.latestCheckpoint(handle.runId);
    expect(checkpoint).toMatchObject({ seq: 5, completedNodes: ['start', 'a', 'b', 'c', 'done'] });
    const started = harness.events.filter((event) => event.type === 'run.started');
    expect(started).toEqual([expect.objectContaining({ resumed: false }), expect.objectContaining({ resumed: true, fromCheckpoint: 2 })]);
    const records = await harness.store.listNodeRecords(handle.runId);
    expect(records.map((record) => `${record.index}:${record.nodeId}:${record.status}`)).toEqual(['1:start:success', '2:a:success', '3:b:fail', '4:b:success', '5:c:success', '6:done:success']);
  });

  it('decision 17: after a resume the first full node runs at summary:high, later ones at full', async () => {
    const { handle } = await interruptAt('b');
    await (await resumeRun(handle.runId, harness.engine())).result();
    const runs = harness.handler.inputs.filter((input) => input.node.id === 'b' || input.node.id === 'c').map((input) => [input.node.id, input.run.fidelity, input.run.threadId]);
    expect(runs).toEqual([
      ['b', 'full', 'a'],
      ['b', 'summary:high', undefined],
      ['c', 'full', 'b'],
    ]);
    expect(harness.handler.inputs.filter((input) => input.node.id === 'b').map((input) => input.attempt)).toEqual([1, 1]);
    const preamble = harness.handler.inputs.find((input) => input.node.id === 'b' && input.run.fidelity === 'summary:high')?.preamble;
    expect(preamble).toContain('- a: success (ran a)');
  });

  it('a run interrupted before its first checkpoint restarts at the start', async () => {
    const { handle } = await interruptAt('start');
    expect(await harness.store.latestCheckpoint(handle.runId)).toBeUndefined();
    const result = await (await resumeRun(handle.runId, harness.engine())).result();
    expect(result.state).toBe('completed');
    expect(harness.handler.calls.get('start')).toBe(2);
    expect(harness.handler.calls.get('a')).toBe(1);
  });

  it('decision 8: resume starts at the checkpoint next_node and never recomputes the edge', async () => {
    const { handle } = await interruptAt('b');
    const latest = (await harness.store.latestCheckpoint(handle.runId))!;
    // A checkpoint whose chosen edge is not the one selection would pick now (a→b).
    await harness.store.commitCheckpoint(handle.runId, { ...latest, seq: latest.seq + 1, nextNode: 'c' }, {}, []);
    await (await resumeRun(handle.runId, harness.engine())).result();
    expect(harness.handler.calls.get('b')).toBe(1);
    expect(harness.handler.order.slice(-2)).toEqual(['c', 'done']);
  });

  it('refuses unknown runs', async () => {
    harness = await createEngineHarness();
    await expect(resumeRun('nope', harness.engine())).rejects.toMatchObject({
      code: 'E_RUN_NOT_FOUND',
      message: 'Run nope does not exist in this store.',
      hint: '`orchestra runs` lists the runs.',
    });
  });

  it('refuses finished runs, pointing at replay', async () => {
    harness = await createEngineHarness();
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine());
    await handle.result();
    await expect(resumeRun(handle.runId, harness.engine())).rejects.toMatchObject({
      code: 'E_RUN_FINISHED',
      message: `Run ${handle.runId} already completed; only unfinished runs can be resumed.`,
      hint: `Use \`orchestra replay ${handle.runId} --checkpoint N\` to run it again from one of its checkpoints.`,
    });
  });

  it('refuses a run whose lease a live owner holds, naming the owner', async () => {
    const { handle } = await interruptAt('b');
    await harness.store.acquireLease(handle.runId, 'elsewhere:4242:abc', 60_000, harness.clock.now());
    await expect(resumeRun(handle.runId, harness.engine())).rejects.toMatchObject({
      code: 'E_RUN_LOCKED',
      message: `Run ${handle.runId} is being driven by another process (elsewhere:4242:abc).`,
    });
    expect(harness.handler.calls.get('b')).toBe(1);
  });

  it('refuses to resume a run this process is driving right now', async () => {
    const blocker = blockUntilAborted();
    harness = await createEngineHarness({ script: { b: [blocker.step] } });
    const controller = new AbortController();
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ signal: controller.signal }));
    await whenStarted(blocker.started, handle);
    await expect(resumeRun(handle.runId, harness.engine())).rejects.toMatchObject({
      code: 'E_RUN_LOCKED',
      message: `Run ${handle.runId} is already being driven by this process.`,
    });
    controller.abort();
    expect((await handle.result()).state).toBe('interrupted');
  });

  it('takes over at once a lease whose owner is a dead process on this host', async () => {
    const { handle } = await interruptAt('b');
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const deadOwner = `${hostname()}:${deadPid}:gone`;
    await harness.store.acquireLease(handle.runId, deadOwner, 60_000, harness.clock.now());
    const result = await (await resumeRun(handle.runId, harness.engine())).result();
    expect(result.state).toBe('completed');
    expect(eventTypes(harness.events).at(-1)).toBe('run.completed');
  });
});
