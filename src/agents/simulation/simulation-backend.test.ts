import { describe, expect, it } from 'vitest';
import type { AgentResult } from '../backend.js';
import { createSimulationBackend } from './simulation-backend.js';
import { simNode, simRequest, str } from './sim-test-node.js';

describe('createSimulationBackend', () => {
  it('answers the spec text by default and records the request', async () => {
    const backend = createSimulationBackend();
    const request = simRequest(simNode('plan'));
    await expect(backend.run(request)).resolves.toBe('[Simulated] Response for stage: plan');
    expect(backend.name).toBe('simulation');
    expect(backend.requests).toEqual([request]);
  });

  it("issue 10: answers an interactive node's later turns by turn, quoting the person's first line", async () => {
    const backend = createSimulationBackend();
    await expect(backend.run({ ...simRequest(simNode('ideas')), chat: { turn: 1 } })).resolves.toBe('[Simulated] Response for stage: ideas');
    await expect(backend.run({ ...simRequest(simNode('ideas')), chat: { turn: 3, reply: 'Shorter\nplease' } })).resolves.toBe('[Simulated] Response for stage: ideas, turn 3, answering: Shorter');
  });

  it('consumes scripted responses per call, repeating the last one', async () => {
    const failed: AgentResult = { outcome: { status: 'fail', failureReason: 'tests failed' } };
    const backend = createSimulationBackend({ responses: { test: [failed, 'all green'] } });
    const request = simRequest(simNode('test'));
    const answers = [await backend.run(request), await backend.run(request), await backend.run(request)];
    expect(answers).toEqual([failed, 'all green', 'all green']);
  });

  it('gives a single scripted response every time, as a copy', async () => {
    const result: AgentResult = { outcome: { status: 'success', contextUpdates: { n: 1 } }, response: 'done' };
    const backend = createSimulationBackend({ responses: { a: result } });
    const first = (await backend.run(simRequest(simNode('a')))) as AgentResult;
    first.outcome.contextUpdates!.n = 2;
    await expect(backend.run(simRequest(simNode('a')))).resolves.toEqual(result);
  });

  it('follows sim.outcomes call by call, counted per run and node', async () => {
    const backend = createSimulationBackend();
    const node = simNode('build', { 'sim.outcomes': str('fail,success') });
    const statusOf = async (runId: string) => ((await backend.run(simRequest(node, { runId }))) as AgentResult).outcome.status;
    expect([await statusOf('r1'), await statusOf('r1'), await statusOf('r2'), await statusOf('r1')]).toEqual(['fail', 'success', 'fail', 'success']);
  });

  it.each([
    ['fail', { status: 'fail', notes: '[Simulated] fail for stage: n (call 1)', failureReason: '[Simulated] fail for stage: n (call 1)' }],
    ['retry', { status: 'retry', notes: '[Simulated] retry for stage: n (call 1)', failureReason: '[Simulated] retry for stage: n (call 1)' }],
    ['partial_success', { status: 'partial_success', notes: '[Simulated] partial_success for stage: n (call 1)' }],
  ])('sim.outcome=%s gives that outcome with the simulated response', async (status, outcome) => {
    const result = await createSimulationBackend().run(simRequest(simNode('n', { 'sim.outcome': str(status) })));
    expect(result).toEqual({ outcome, response: '[Simulated] Response for stage: n' });
  });

  it('sets the preferred label from sim.preferred_label', async () => {
    const result = await createSimulationBackend().run(simRequest(simNode('review', { 'sim.preferred_label': str('Fix') })));
    expect(result).toEqual({
      outcome: { status: 'success', preferredLabel: 'Fix', notes: '[Simulated] success for stage: review (call 1)' },
      response: '[Simulated] Response for stage: review',
    });
  });

  it('scripted responses win over sim attributes', async () => {
    const backend = createSimulationBackend({ responses: { n: 'scripted' } });
    await expect(backend.run(simRequest(simNode('n', { 'sim.outcome': str('fail') })))).resolves.toBe('scripted');
  });

  it('rejects with the abort reason when already aborted, without counting the call', async () => {
    const backend = createSimulationBackend();
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(backend.run(simRequest(simNode('n'), { signal: controller.signal }))).rejects.toThrow('cancelled');
    expect(backend.requests).toEqual([]);
  });

  it('aborts a sim.delay wait through the signal', async () => {
    const backend = createSimulationBackend();
    const controller = new AbortController();
    const node = simNode('slow', { 'sim.delay': { kind: 'duration', ms: 60_000, text: '60s' } });
    const pending = backend.run(simRequest(node, { signal: controller.signal }));
    controller.abort(new Error('node timed out'));
    await expect(pending).rejects.toThrow('node timed out');
  });

  it('waits sim.delay on the given clock before answering', async () => {
    const slept: number[] = [];
    const clock = { now: () => 0, sleep: async (ms: number) => void slept.push(ms) };
    const backend = createSimulationBackend({ clock });
    await expect(backend.run(simRequest(simNode('n', { 'sim.delay': { kind: 'duration', ms: 250, text: '250ms' } })))).resolves.toBe('[Simulated] Response for stage: n');
    expect(slept).toEqual([250]);
  });

  it('throws the attribute error for a bad sim.outcome (the codergen handler turns it into FAIL)', async () => {
    await expect(createSimulationBackend().run(simRequest(simNode('n', { 'sim.outcome': str('nope') })))).rejects.toMatchObject({ code: 'E_ATTRIBUTE_TYPE' });
  });
});

describe('simulated critics', () => {
  it('approve with PASS, so check.critic does not fail simulated runs', async () => {
    const backend = createSimulationBackend();
    const answer = await backend.run({ ...simRequest(simNode('work')), purpose: 'critic' });
    expect(String(answer).split('\n')[0]).toBe('PASS');
  });
});
