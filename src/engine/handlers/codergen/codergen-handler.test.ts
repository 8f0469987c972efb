import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentBackend, AgentRequest, AgentResult } from '../../../agents/backend.js';
import { createSimulationBackend } from '../../../agents/simulation/index.js';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import { cleanupHarnesses, createHandlerHarness } from '../testing/index.js';
import { createCodergenHandler } from './codergen-handler.js';

afterEach(cleanupHarnesses);

function graphWith(attrs: PlainAttrs = { prompt: 'Plan the work for $goal on ${context.branch}' }) {
  return buildGraph({ attrs: { goal: 'Ship v2' }, nodes: { plan: attrs } });
}

function backendOf(run: (request: AgentRequest) => Promise<string | AgentResult>): AgentBackend {
  return { name: 'fake', run };
}

describe('codergen handler', () => {
  it('expands the prompt, writes prompt.md and response.md, and returns SUCCESS', async () => {
    const backend = createSimulationBackend();
    const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend, context: { branch: 'main' } });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(outcome).toEqual({
      status: 'success',
      notes: 'Stage completed: plan',
      contextUpdates: { last_stage: 'plan', last_response: '[Simulated] Response for stage: plan' },
    });
    expect(await readFile(join(harness.stageDir, 'prompt.md'), 'utf8')).toBe('Plan the work for Ship v2 on main');
    expect(await readFile(join(harness.stageDir, 'response.md'), 'utf8')).toBe('[Simulated] Response for stage: plan');
  });

  it('gives the backend the whole request', async () => {
    const backend = createSimulationBackend();
    const harness = await createHandlerHarness({
      graph: graphWith({ label: 'Plan' }),
      nodeId: 'plan',
      backend,
      context: { branch: 'main' },
      run: { fidelity: 'full', threadId: 'loop-a' },
      attempt: 2,
      preamble: '- start: success',
    });
    await createCodergenHandler().execute(harness.input);
    const request = backend.requests[0]!;
    expect({ ...request, node: request.node.id, graph: request.graph.name, signal: request.signal === harness.input.signal }).toEqual({
      node: 'plan',
      graph: 'test',
      prompt: 'Plan',
      context: { branch: 'main' },
      fidelity: 'full',
      threadId: 'loop-a',
      preamble: '- start: success',
      stageDir: harness.stageDir,
      runId: 'run-test',
      attempt: 2,
      signal: true,
      workDir: harness.input.run.baseDir,
      emit: expect.any(Function),
      processes: { record: expect.any(Function) },
    });
  });

  it('keeps only the first 200 characters in last_response', async () => {
    const long = 'x'.repeat(500);
    const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend: backendOf(async () => long) });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(outcome.contextUpdates?.last_response).toBe('x'.repeat(200));
    expect(await readFile(join(harness.stageDir, 'response.md'), 'utf8')).toBe(long);
  });

  it("returns an AgentResult's outcome, adding last_stage and last_response under its own updates", async () => {
    const result: AgentResult = { outcome: { status: 'retry', failureReason: 'flaky', contextUpdates: { last_stage: 'custom', k: 1 } }, response: 'partial' };
    const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend: backendOf(async () => result) });
    await expect(createCodergenHandler().execute(harness.input)).resolves.toEqual({
      status: 'retry',
      failureReason: 'flaky',
      contextUpdates: { last_stage: 'custom', last_response: 'partial', k: 1 },
    });
    expect(await readFile(join(harness.stageDir, 'response.md'), 'utf8')).toBe('partial');
  });

  it('writes no response.md for an AgentResult without response', async () => {
    const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend: backendOf(async () => ({ outcome: { status: 'success' } })) });
    await createCodergenHandler().execute(harness.input);
    expect(existsSync(join(harness.stageDir, 'response.md'))).toBe(false);
  });

  it('turns a backend error into FAIL with its message', async () => {
    const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend: backendOf(async () => Promise.reject(new Error('model refused'))) });
    await expect(createCodergenHandler().execute(harness.input)).resolves.toEqual({ status: 'fail', failureReason: 'The backend "fake" failed: model refused' });
  });

  it('rethrows errors marked retryable, for the run loop to retry', async () => {
    const error = Object.assign(new Error('429 rate limited'), { retryable: true });
    const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend: backendOf(async () => Promise.reject(error)) });
    await expect(createCodergenHandler().execute(harness.input)).rejects.toBe(error);
  });

  it('rethrows when the node was cancelled', async () => {
    const backend = createSimulationBackend();
    const graph = graphWith({ 'sim.delay': '60s' });
    const harness = await createHandlerHarness({ graph, nodeId: 'plan', backend });
    const pending = createCodergenHandler().execute(harness.input);
    harness.abort(new Error('node timed out'));
    await expect(pending).rejects.toThrow('node timed out');
  });

  describe('decision 18: status.json written by the agent', () => {
    it('takes precedence over the response', async () => {
      const backend = backendOf(async (request) => {
        await writeFile(join(request.stageDir, 'status.json'), JSON.stringify({ outcome: 'fail', failure_reason: 'tests red', context_updates: { tests: 'red' } }));
        return 'I am done';
      });
      const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend });
      await expect(createCodergenHandler().execute(harness.input)).resolves.toEqual({ status: 'fail', failureReason: 'tests red', contextUpdates: { tests: 'red' } });
    });

    it('takes precedence even when the backend then failed', async () => {
      const backend = backendOf(async (request) => {
        await writeFile(join(request.stageDir, 'status.json'), '{"status": "partial_success", "notes": "half"}');
        throw new Error('crashed after writing');
      });
      const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend });
      await expect(createCodergenHandler().execute(harness.input)).resolves.toEqual({ status: 'partial_success', notes: 'half' });
    });

    it('ignores a status.json left from before the call', async () => {
      const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan' });
      await writeFile(join(harness.stageDir, 'status.json'), '{"outcome": "fail"}');
      await expect(createCodergenHandler().execute(harness.input)).resolves.toMatchObject({ status: 'success' });
    });

    it('fails naming the file when it is malformed', async () => {
      const backend = backendOf(async (request) => {
        await writeFile(join(request.stageDir, 'status.json'), '{"outcome": "great"}');
        return 'done';
      });
      const harness = await createHandlerHarness({ graph: graphWith(), nodeId: 'plan', backend });
      const file = join(harness.stageDir, 'status.json');
      await expect(createCodergenHandler().execute(harness.input)).resolves.toEqual({
        status: 'fail',
        failureReason: `status file ${file} has "outcome": "great", expected one of success, partial_success, retry, fail, skipped`,
      });
    });
  });
});
