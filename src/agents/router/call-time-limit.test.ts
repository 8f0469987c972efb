import { describe, expect, it } from 'vitest';
import { simNode, simRequest } from '../simulation/sim-test-node.js';
import type { AgentRequest } from '../backend.js';
import { withCallTimeLimit } from './call-time-limit.js';

/** A call that waits for its signal, as a backend does, and rejects with the signal's reason. */
const untilAborted = (request: AgentRequest) =>
  new Promise<string>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));

describe('decision 19: model and agent calls always have a time limit', () => {
  it('aborts a call without a timeout after the default limit, with a node timeout error', async () => {
    await expect(withCallTimeLimit(simRequest(simNode('slow')), untilAborted, 20)).rejects.toMatchObject({ code: 'E_NODE_TIMEOUT', message: expect.stringContaining('Node "slow" timed out') });
  });

  it('leaves the limit to the engine when the node has its own timeout', async () => {
    const request = simRequest(simNode('fast', { timeout: { kind: 'duration', ms: 60_000, text: '60s' } }));
    await expect(withCallTimeLimit(request, async () => 'done', 1)).resolves.toBe('done');
  });

  it('still follows the run signal (Ctrl-C)', async () => {
    const controller = new AbortController();
    const pending = withCallTimeLimit({ ...simRequest(simNode('work')), signal: controller.signal }, untilAborted, 60_000);
    controller.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
  });
});
