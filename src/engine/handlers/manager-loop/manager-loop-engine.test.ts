import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationBackend } from '../../../agents/simulation/index.js';
import { systemClock } from '../../../core/clock.js';
import { createAutoApproveInterviewer } from '../../../humans/interviewers/index.js';
import { startRun } from '../../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../../testing/engine-harness.js';
import { createDefaultRegistry } from '../registry/index.js';

let harness: EngineHarness | undefined;
afterEach(async () => harness?.cleanup());

const parent = `digraph Parent {
  stack.child_dotfile="child.dot"
  start [shape=Mdiamond]
  manage [shape=house manager.poll_interval="20ms"]
  done [shape=Msquare]
  start -> manage
  manage -> done [condition="outcome=success"]
}`;

// The real run loop, store and child runs: the manager against an actual child pipeline.
describe('decision 20: the manager loop in a real run', () => {
  it.each([
    ['succeeds when the child pipeline succeeds', '', 'completed', 'success'],
    ['fails when the child pipeline fails', 'sim.outcome="fail"', 'failed', 'fail'],
  ])('%s', async (_name, workAttrs, parentState, childOutcome) => {
    harness = await createEngineHarness();
    await writeFile(join(harness.runsDir, 'child.dot'), `digraph Child { start [shape=Mdiamond]; work [prompt="Work" ${workAttrs}]; done [shape=Msquare]; start -> work -> done [condition="outcome=success"] }`);
    const handle = await startRun(
      { file: pipelineFile(harness), source: parent },
      harness.engine({ registry: createDefaultRegistry(), backend: createSimulationBackend(), interviewer: createAutoApproveInterviewer(), clock: systemClock }),
    );
    const result = await handle.result();
    expect(result.state).toBe(parentState);
    const children = (await harness.store.listRuns()).filter((run) => run.parentRunId === handle.runId);
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ pipeline: 'Child', logsRoot: join(handle.logsRoot, 'manage', 'child') });
    const checkpoint = await harness.store.latestCheckpoint(handle.runId);
    expect(checkpoint?.context['stack.child.run_id']).toBe(children[0]!.id);
    expect(checkpoint?.context['stack.child.outcome']).toBe(childOutcome);
    expect(harness.events.some((event) => event.type === 'manager.cycle')).toBe(true);
    if (childOutcome === 'success') expect(await readFile(join(handle.logsRoot, 'manage', 'child', 'work', 'response.md'), 'utf8')).toBe('[Simulated] Response for stage: work');
  });
});
