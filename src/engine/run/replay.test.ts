import { afterEach, describe, expect, it } from 'vitest';
import { replayRun, startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const source = `digraph G {
  start [shape=Mdiamond]
  a
  b
  done [shape=Msquare]
  start -> a -> b -> done
}`;

async function finishedRun() {
  harness = await createEngineHarness({
    script: { a: [{ status: 'success', contextUpdates: { from_a: 1 } }], b: [{ status: 'fail', failureReason: 'flaky' }, { status: 'success' }] },
  });
  const handle = await startRun({ file: pipelineFile(harness), source, variables: { v: '1' }, options: { simulate: true } }, harness.engine());
  return { handle, result: await handle.result() };
}

describe('replay', () => {
  it('forks a new run from checkpoint N, continuing at its next node, leaving the old run untouched', async () => {
    const { handle, result } = await finishedRun();
    expect(result.state).toBe('failed');
    const before = {
      record: await harness.store.getRun(handle.runId),
      events: await harness.store.readEvents(handle.runId, 0),
      checkpoints: await harness.store.listCheckpoints(handle.runId),
    };

    const replay = await replayRun(handle.runId, 2, harness.engine());
    const replayed = await replay.result();
    expect(replay.runId).not.toBe(handle.runId);
    expect(replayed).toMatchObject({ state: 'completed', lastNode: 'done' });
    expect(Object.fromEntries(harness.handler.calls)).toEqual({ start: 1, a: 1, b: 2, done: 1 });

    expect(await harness.store.getRun(replay.runId)).toMatchObject({
      parentRunId: handle.runId,
      parentCheckpoint: 2,
      state: 'completed',
      variables: { v: '1' },
      options: { simulate: true },
      source,
    });
    const first = await harness.store.getCheckpoint(replay.runId, 1);
    expect(first).toMatchObject({ seq: 1, currentNode: 'a', nextNode: 'b', completedNodes: ['start', 'a'] });
    expect(first?.context).toMatchObject({ from_a: 1 });
    expect(await harness.store.latestCheckpoint(replay.runId)).toMatchObject({ seq: 3, completedNodes: ['start', 'a', 'b', 'done'] });
    expect((await harness.store.readEvents(replay.runId, 0))[0]).toMatchObject({ type: 'run.started', fromCheckpoint: 2, resumed: false });

    expect(await harness.store.getRun(handle.runId)).toEqual(before.record);
    expect(await harness.store.readEvents(handle.runId, 0)).toEqual(before.events);
    expect(await harness.store.listCheckpoints(handle.runId)).toEqual(before.checkpoints);
  });

  it('writes to its own run directory, or the one given', async () => {
    const { handle } = await finishedRun();
    const replay = await replayRun(handle.runId, 1, harness.engine(), { logsRoot: `${harness.runsDir}/custom` });
    await replay.result();
    expect(replay.logsRoot).toBe(`${harness.runsDir}/custom`);
  });

  it('an unknown checkpoint lists the valid ones', async () => {
    const { handle } = await finishedRun();
    await expect(replayRun(handle.runId, 9, harness.engine())).rejects.toMatchObject({
      code: 'E_CHECKPOINT_NOT_FOUND',
      message: `Run ${handle.runId} has no checkpoint 9.`,
      hint: 'Valid checkpoints: 1, 2, 3.',
    });
  });

  it('the final checkpoint cannot be replayed', async () => {
    const { handle } = await finishedRun();
    await expect(replayRun(handle.runId, 3, harness.engine())).rejects.toMatchObject({
      code: 'E_USAGE',
      message: `Checkpoint 3 of run ${handle.runId} is the run's last: it has no next node to run.`,
    });
  });

  it('an unknown run is E_RUN_NOT_FOUND', async () => {
    harness = await createEngineHarness();
    await expect(replayRun('r-missing', 1, harness.engine())).rejects.toMatchObject({ code: 'E_RUN_NOT_FOUND' });
  });
});
