import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationBackend } from '../../agents/simulation/index.js';
import { createQueueInterviewer } from '../../humans/index.js';
import { createDefaultRegistry } from '../handlers/index.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

// Every built-in handler kind but the manager loop, under the simulation backend.
const source = `digraph Full {
  goal="Fix the date tests"
  start [shape=Mdiamond]
  plan [prompt="Plan: $goal"]
  fan [shape=component]
  lint [shape=parallelogram tool_command="echo lint-ok"]
  unit [prompt="Run the unit tests"]
  join [shape=tripleoctagon]
  implement [prompt="Implement" goal_gate=true retry_target=plan sim.outcomes="fail,success"]
  check [shape=diamond]
  review [shape=hexagon label="Ship it?"]
  done [shape=Msquare]
  start -> plan -> fan
  fan -> lint -> join
  fan -> unit -> join
  join -> implement -> check
  check -> review [condition="outcome=success"]
  check -> plan [condition="outcome!=success"]
  implement -> plan [condition="outcome=fail"]
  review -> done [label="[A] Approve"]
  review -> plan [label="[F] Fix"]
}`;

describe('with the built-in handlers', () => {
  it('runs a pipeline with every handler kind to completion', async () => {
    harness = await createEngineHarness();
    const backend = createSimulationBackend();
    const interviewer = createQueueInterviewer(['F', 'A']);
    const handle = await startRun(
      { file: pipelineFile(harness), source },
      harness.engine({ registry: createDefaultRegistry(), backend, interviewer }),
    );
    const result = await handle.result();
    expect(result).toMatchObject({ state: 'completed', lastNode: 'done' });
    const checkpoint = await harness.store.latestCheckpoint(handle.runId);
    // implement fails once (routed back to plan), the human first asks for a fix, then approves.
    expect(checkpoint?.completedNodes).toEqual([
      'start', 'plan', 'fan', 'lint', 'unit', 'join', 'implement',
      'plan', 'fan', 'lint', 'unit', 'join', 'implement', 'check', 'review',
      'plan', 'fan', 'lint', 'unit', 'join', 'implement', 'check', 'review', 'done',
    ]);
    expect(checkpoint?.context['human.gate.label']).toBe('Approve');
    expect(await readFile(join(handle.logsRoot, 'plan', 'prompt.md'), 'utf8')).toContain('Plan: Fix the date tests');
    expect(await readFile(join(handle.logsRoot, 'lint', 'stdout.txt'), 'utf8')).toBe('lint-ok\n');
    expect(backend.requests.find((request) => request.node.id === 'unit')?.preamble).toContain('- plan: success');
  });
});
