import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handler } from '../handler.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const child = `digraph Child { start [shape=Mdiamond]; inner; done [shape=Msquare]; start -> inner -> done }`;
const parent = `digraph Parent { start [shape=Mdiamond]; manage [type="compose"]; done [shape=Msquare]; start -> manage -> done }`;

/** Starts the child pipeline and waits for it, reporting what it saw. */
function createChildStarter(file: string, seen: { childRunId?: string; status?: string }): Handler {
  return {
    async execute(input) {
      const handle = await input.services.startChildRun({
        file,
        logsRoot: join(input.stageDir, 'child'),
        workdir: undefined,
        variables: { from: 'parent' },
        signal: input.signal,
      });
      seen.childRunId = handle.runId;
      const result = await handle.result;
      seen.status = result.status;
      return { status: result.status, ...(result.error ? { failureReason: result.error } : {}) };
    },
  };
}

describe('startChildRun', () => {
  it('runs another pipeline as a child run in the same store with its parent recorded', async () => {
    const seen: { childRunId?: string; status?: string } = {};
    harness = await createEngineHarness();
    const childFile = join(harness.runsDir, 'child.dot');
    await writeFile(childFile, child);
    harness.registry.register('compose', createChildStarter(childFile, seen));
    const handle = await startRun({ file: pipelineFile(harness), source: parent }, harness.engine());
    expect((await handle.result()).state).toBe('completed');
    expect(seen.status).toBe('success');
    expect(await harness.store.getRun(seen.childRunId!)).toMatchObject({
      parentRunId: handle.runId,
      state: 'completed',
      pipeline: 'Child',
      file: childFile,
      variables: { from: 'parent' },
      logsRoot: join(handle.logsRoot, 'manage', 'child'),
    });
    expect(harness.events.every((event) => event.runId === handle.runId)).toBe(true);
    expect((await harness.store.readEvents(seen.childRunId!, 0)).at(-1)).toMatchObject({ type: 'run.completed' });
  });

  it('a child pipeline that does not exist fails the node naming the file', async () => {
    harness = await createEngineHarness();
    const missing = join(harness.runsDir, 'missing.dot');
    harness.registry.register('compose', createChildStarter(missing, {}));
    const handle = await startRun({ file: pipelineFile(harness), source: parent }, harness.engine());
    expect((await handle.result()).error?.message).toBe(`Node "manage" failed: Pipeline file ${missing} does not exist. [E_FILE_NOT_FOUND]`);
  });
});
