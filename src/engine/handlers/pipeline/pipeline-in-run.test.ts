import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationBackend, type SimulationBackend } from '../../../agents/simulation/index.js';
import { createAutoApproveInterviewer } from '../../../humans/interviewers/index.js';
import { startRun } from '../../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../../testing/engine-harness.js';
import { createDefaultRegistry } from '../registry/index.js';

let harness: EngineHarness | undefined;
afterEach(async () => harness?.cleanup());

const child = (workAttrs = '') => `digraph Child {
  start [shape=Mdiamond]
  work [prompt="Review PR $pr for \${context.topic}" ${workAttrs}]
  exit [shape=Msquare]
  start -> work -> exit [condition="outcome=success"]
}`;

const parent = (subAttrs: string) => `digraph Parent {
  start [shape=Mdiamond]
  sub [type="pipeline", pipeline="child.dot" ${subAttrs}]
  exit [shape=Msquare]
  start -> sub -> exit [condition="outcome=success"]
}`;

async function run(childSource: string, parentSource: string, backend: SimulationBackend, variables: Record<string, string> = {}) {
  harness = await createEngineHarness();
  await writeFile(join(harness.runsDir, 'child.dot'), childSource);
  const engine = harness.engine({ registry: createDefaultRegistry(), backend, interviewer: createAutoApproveInterviewer() });
  const handle = await startRun({ file: pipelineFile(harness), source: parentSource, variables }, engine);
  const result = await handle.result();
  const children = (await harness.store.listRuns()).filter((r) => r.parentRunId === handle.runId);
  return { handle, result, children, context: (await harness.store.latestCheckpoint(handle.runId))?.context ?? {} };
}

describe('composed pipelines in a real run', () => {
  it('maps the context in and out, nests the child run, and succeeds with it', async () => {
    const backend = createSimulationBackend({
      responses: {
        prep: { outcome: { status: 'success', contextUpdates: { subject: 'dates' } }, response: 'prepared' },
        work: { outcome: { status: 'success', contextUpdates: { verdict: 'approve' } }, response: 'LGTM' },
      },
    });
    const source = parent('"pipeline.inputs"="pr,topic=subject", "pipeline.outputs"="decision=verdict,last_response"').replace('start -> sub', 'prep [prompt="Prepare"]\n  start -> prep -> sub');
    const { handle, result, children, context } = await run(child(), source, backend, { pr: '42' });
    expect(result).toMatchObject({ state: 'completed', outcome: 'success' });
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ pipeline: 'Child', variables: { pr: '42', topic: 'dates' }, logsRoot: join(handle.logsRoot, 'sub', 'child') });
    expect(backend.requests.find((r) => r.node.id === 'work')!.prompt).toBe('Review PR 42 for dates');
    expect(context).toMatchObject({ decision: 'approve', last_response: 'LGTM', 'pipeline.child_run_id': children[0]!.id });
    expect(await readFile(join(handle.logsRoot, 'sub', 'child', 'work', 'response.md'), 'utf8')).toBe('LGTM');
  });

  it('passes all run variables by default', async () => {
    const backend = createSimulationBackend();
    const { result, children, context } = await run(child(), parent(''), backend, { pr: '7', topic: 'x' });
    expect(result.state).toBe('completed');
    expect(children[0]!.variables).toEqual({ pr: '7', topic: 'x' });
    expect(context.last_response).toBe('[Simulated] Response for stage: work');
  });

  it('fails the node when the child fails, naming the child and its run', async () => {
    const { result, children } = await run(child('sim.outcome="fail"'), parent(''), createSimulationBackend());
    expect(result.state).toBe('failed');
    expect(result.error?.message).toContain(`Node "sub" failed: Child pipeline child.dot (run ${children[0]!.id}) failed: `);
  });

  it('fails the node naming an input that is nowhere to be found', async () => {
    const { result, children } = await run(child(), parent('"pipeline.inputs"="topic=nothing"'), createSimulationBackend());
    expect(result.error?.message).toContain('Node "sub" failed: Pipeline node "sub" maps input "topic" from "nothing", which is neither in the context nor a run variable');
    expect(children).toEqual([]);
  });

  it('refuses to start a parent whose child pipeline is missing or includes the parent', async () => {
    harness = await createEngineHarness();
    const engine = harness.engine({ registry: createDefaultRegistry(), backend: createSimulationBackend(), interviewer: createAutoApproveInterviewer() });
    const file = pipelineFile(harness);
    await expect(startRun({ file, source: parent('') }, engine)).rejects.toMatchObject({ code: 'E_VALIDATION', message: `${file} has 1 error; the first: Node sub runs pipeline child.dot, but ${join(harness.runsDir, 'child.dot')} does not exist.` });
    await writeFile(join(harness.runsDir, 'child.dot'), parent('').replace('child.dot', 'pipeline.dot'));
    await expect(startRun({ file, source: parent('') }, engine)).rejects.toMatchObject({ code: 'E_VALIDATION', message: `${file} has 1 error; the first: Node sub runs child.dot, which includes this pipeline again: pipeline.dot → child.dot → pipeline.dot.` });
  });
});
