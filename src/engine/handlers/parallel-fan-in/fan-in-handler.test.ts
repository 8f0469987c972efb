import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentBackend } from '../../../agents/backend.js';
import { createSimulationBackend } from '../../../agents/simulation/index.js';
import type { StageStatus } from '../../../core/events.js';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import type { ParallelResult } from '../parallel/parallel-results.js';
import { cleanupHarnesses, createHandlerHarness } from '../testing/index.js';
import { createFanInHandler } from './fan-in-handler.js';

afterEach(cleanupHarnesses);

function candidate(id: string, status: StageStatus, fields: Partial<ParallelResult> = {}): ParallelResult {
  return { id, status, notes: null, failure_reason: null, last_node: id, score: null, context_updates: { [`${id}.done`]: true }, ...fields };
}

async function runFanIn(results: unknown, attrs: PlainAttrs = {}, backend?: AgentBackend) {
  const graph = buildGraph({ nodes: { join: { shape: 'tripleoctagon', ...attrs } } });
  const harness = await createHandlerHarness({ graph, nodeId: 'join', context: results === undefined ? {} : { 'parallel.results': results }, backend });
  return { outcome: await createFanInHandler().execute(harness.input), harness };
}

describe('decision 6: parallel.fan_in handler', () => {
  it('selects the best candidate by the heuristic and applies its context updates', async () => {
    const { outcome } = await runFanIn([candidate('a', 'partial_success', { score: 1 }), candidate('b', 'success', { score: 0.4 }), candidate('c', 'fail')]);
    expect(outcome).toEqual({
      status: 'success',
      notes: 'Selected best candidate: b (ranked by status and score)',
      contextUpdates: { 'b.done': true, 'parallel.fan_in.best_id': 'b', 'parallel.fan_in.best_outcome': 'success' },
    });
  });

  it('the selection keys win over a branch update of the same name', async () => {
    const { outcome } = await runFanIn([candidate('a', 'success', { context_updates: { 'parallel.fan_in.best_id': 'forged' } })]);
    expect(outcome.contextUpdates?.['parallel.fan_in.best_id']).toBe('a');
  });

  it.each([
    ['no parallel.results', undefined],
    ['an empty list', []],
  ])('fails with %s', async (_name, results) => {
    const { outcome } = await runFanIn(results);
    expect(outcome).toEqual({ status: 'fail', failureReason: 'No parallel results to evaluate' });
  });

  it('fails when parallel.results is not a list of results', async () => {
    const { outcome } = await runFanIn({ a: 1 });
    expect(outcome).toEqual({ status: 'fail', failureReason: 'parallel.results is not a list of branch results: Invalid input: expected array, received object' });
  });

  it('fails only when every candidate failed, still naming the best', async () => {
    const { outcome } = await runFanIn([candidate('a', 'fail'), candidate('b', 'skipped')]);
    expect(outcome).toEqual({
      status: 'fail',
      failureReason: 'All 2 parallel branches failed',
      contextUpdates: { 'parallel.fan_in.best_id': 'a', 'parallel.fan_in.best_outcome': 'fail' },
    });
  });

  it('asks the backend to rank when the node has a prompt, and takes the id it names', async () => {
    const backend = createSimulationBackend({ responses: { join: 'I pick c: it is more thorough than b.' } });
    const results = [candidate('b', 'success', { score: 0.9 }), candidate('c', 'success', { score: 0.1 })];
    const { outcome, harness } = await runFanIn(results, { prompt: 'Pick the most thorough review for $goal.' }, backend);
    expect(outcome).toMatchObject({ status: 'success', notes: 'Selected best candidate: c (chosen by the backend)', contextUpdates: { 'parallel.fan_in.best_id': 'c', 'c.done': true } });
    const prompt = await readFile(join(harness.stageDir, 'prompt.md'), 'utf8');
    expect(prompt).toBe(backend.requests[0]!.prompt);
    expect(prompt).toContain('- b: status success; score 0.9\n- c: status success; score 0.1');
    expect(await readFile(join(harness.stageDir, 'response.md'), 'utf8')).toBe('I pick c: it is more thorough than b.');
  });

  it.each<[string, AgentBackend, string]>([
    ['names no candidate', createSimulationBackend({ responses: { join: 'They are all fine.' } }), 'backend reply named no candidate, ranked by status and score'],
    ['fails', { name: 'broken', run: async () => Promise.reject(new Error('model down')) }, 'backend failed (model down), ranked by status and score'],
  ])('falls back to the heuristic when the backend %s', async (_name, backend, how) => {
    const { outcome } = await runFanIn([candidate('b', 'success', { score: 0.9 }), candidate('c', 'success')], { prompt: 'Pick one' }, backend);
    expect(outcome).toMatchObject({ status: 'success', contextUpdates: { 'parallel.fan_in.best_id': 'b' } });
    expect(outcome.notes).toBe(`Selected best candidate: b (${how})`);
  });

  it('rethrows when cancelled while the backend ranks', async () => {
    const backend = createSimulationBackend();
    const graph = buildGraph({ nodes: { join: { shape: 'tripleoctagon', prompt: 'Pick', 'sim.delay': '60s' } } });
    const harness = await createHandlerHarness({ graph, nodeId: 'join', backend, context: { 'parallel.results': [candidate('a', 'success')] } });
    const pending = createFanInHandler().execute(harness.input);
    harness.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
  });
});
