import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness, type HarnessOptions } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

async function run(source: string, options: HarnessOptions) {
  harness = await createEngineHarness(options);
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine());
  return { handle, result: await handle.result(), checkpoint: await harness.store.latestCheckpoint(handle.runId) };
}

const linear = `digraph G { start [shape=Mdiamond]; agent; fix; tool_step [shape=parallelogram tool_command="true"]; done [shape=Msquare]; start -> agent -> tool_step -> done
  agent -> fix [condition="preferred_label=Fix"]
  fix -> done }`;

describe('decision 18: status.json', () => {
  it('a status.json the agent wrote during a codergen node takes precedence over the returned outcome', async () => {
    const { checkpoint, handle } = await run(linear, {
      script: {
        agent: [
          async (input) => {
            await writeFile(join(input.stageDir, 'status.json'), JSON.stringify({ status: 'success', preferred_next_label: 'Fix', context_updates: { from_file: true }, notes: 'agent says' }));
            return { status: 'success', notes: 'handler says' };
          },
        ],
      },
    });
    expect(harness.handler.order).toEqual(['start', 'agent', 'fix', 'done']);
    expect(checkpoint?.nodeOutcomes.agent).toEqual({ status: 'success', preferredLabel: 'Fix', notes: 'agent says' });
    expect(checkpoint?.context.from_file).toBe(true);
    const written = JSON.parse(await readFile(join(handle.logsRoot, 'agent', 'status.json'), 'utf8'));
    expect(written).toMatchObject({ outcome: 'success', preferred_label: 'Fix', notes: 'agent says' });
  });

  it('a malformed status.json fails the node naming the file', async () => {
    const { result, handle } = await run(linear, {
      script: {
        agent: [
          async (input) => {
            await writeFile(join(input.stageDir, 'status.json'), '{ "outcome": "great" }');
            return { status: 'success' };
          },
        ],
      },
    });
    const file = join(handle.logsRoot, 'agent', 'status.json');
    expect(result.error?.message).toBe(`Node "agent" failed: status file ${file} has "outcome": "great", expected one of success, partial_success, retry, fail, skipped`);
  });

  it('issue 9: a status.json a tool command wrote is the outcome, over its exit code; the tool context stays beneath that of the file', async () => {
    const routed = `digraph G { start [shape=Mdiamond]; tool_step [shape=parallelogram tool_command="true"]; fix; done [shape=Msquare]
      start -> tool_step
      tool_step -> fix [condition="outcome=fail"]
      tool_step -> done [condition="outcome=success"]
      fix -> done }`;
    const { checkpoint } = await run(routed, {
      script: {
        tool_step: [
          async (input) => {
            await writeFile(join(input.stageDir, 'status.json'), JSON.stringify({ outcome: 'fail', failure_reason: 'lint found 3 errors', context_updates: { errors: 3, 'tool.output': 'from file' } }));
            return { status: 'success', contextUpdates: { 'tool.output': 'ok', 'tool.exit_code': 0 } };
          },
        ],
      },
    });
    expect(harness.handler.order).toEqual(['start', 'tool_step', 'fix', 'done']);
    expect(checkpoint?.nodeOutcomes.tool_step).toEqual({ status: 'fail', failureReason: 'lint found 3 errors' });
    expect(checkpoint?.context).toMatchObject({ errors: 3, 'tool.output': 'from file', 'tool.exit_code': 0 });
  });

  it('issue 9: a malformed status.json from a tool fails the node naming the file, keeping the tool context', async () => {
    const routed = `digraph G { start [shape=Mdiamond]; tool_step [shape=parallelogram tool_command="true"]; fix; done [shape=Msquare]
      start -> tool_step -> done
      tool_step -> fix [condition="outcome=fail"]
      fix -> done }`;
    const { checkpoint, handle } = await run(routed, {
      script: {
        tool_step: [
          async (input) => {
            await writeFile(join(input.stageDir, 'status.json'), '{"outcome": "success",');
            return { status: 'success', contextUpdates: { 'tool.exit_code': 0 } };
          },
        ],
      },
    });
    const file = join(handle.logsRoot, 'tool_step', 'status.json');
    expect(harness.handler.order).toEqual(['start', 'tool_step', 'fix', 'done']);
    expect(checkpoint?.nodeOutcomes.tool_step?.status).toBe('fail');
    expect(checkpoint?.nodeOutcomes.tool_step?.failureReason).toContain(`status file ${file}`);
    expect(checkpoint?.context['tool.exit_code']).toBe(0);
  });

  it('handlers other than codergen and tool keep their own outcome', async () => {
    const gate = `digraph G { start [shape=Mdiamond]; cond [shape=diamond]; done [shape=Msquare]; start -> cond -> done }`;
    const { checkpoint } = await run(gate, {
      script: {
        cond: [
          async (input) => {
            await writeFile(join(input.stageDir, 'status.json'), JSON.stringify({ outcome: 'fail' }));
            return { status: 'success', notes: 'cond ok' };
          },
        ],
      },
    });
    expect(checkpoint?.nodeOutcomes.cond).toEqual({ status: 'success', notes: 'cond ok' });
  });

  it('the engine writes status.json for every node from the final outcome', async () => {
    const { handle } = await run(linear, { script: { agent: [{ status: 'partial_success', notes: 'half', suggestedNextIds: ['tool_step'] }] } });
    const written = JSON.parse(await readFile(join(handle.logsRoot, 'agent', 'status.json'), 'utf8'));
    expect(written).toEqual({ outcome: 'partial_success', suggested_next_ids: ['tool_step'], notes: 'half' });
    for (const node of ['start', 'tool_step', 'done']) {
      expect(JSON.parse(await readFile(join(handle.logsRoot, node, 'status.json'), 'utf8'))).toMatchObject({ outcome: 'success' });
    }
  });

  it('the status.json of an earlier visit does not pass for the agent answer', async () => {
    const loop = `digraph G { start [shape=Mdiamond]; agent; check; done [shape=Msquare]
      start -> agent -> check
      check -> agent [condition="again=true"]
      check -> done [condition="again!=true"] }`;
    const { checkpoint } = await run(loop, {
      script: {
        agent: [
          async (input) => {
            await writeFile(join(input.stageDir, 'status.json'), JSON.stringify({ outcome: 'success', notes: 'from file' }));
            return { status: 'success' };
          },
          { status: 'success', notes: 'second visit' },
        ],
        check: [{ status: 'success', contextUpdates: { again: true } }, { status: 'success', contextUpdates: { again: false } }],
      },
    });
    expect(harness.handler.calls.get('agent')).toBe(2);
    expect(checkpoint?.nodeOutcomes.agent).toEqual({ status: 'success', notes: 'second visit' });
  });
});
