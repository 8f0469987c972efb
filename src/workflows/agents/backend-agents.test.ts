import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { createDirectBackend } from '../../agents/direct/index.js';
import { recordingClock } from '../../agents/llm/testing/fake-clock.js';
import { workflow } from '../definition.js';
import { agent } from '../runtime/agent.js';
import { fireWorkflowTimer } from '../runtime/control.js';
import { runInstance } from '../runtime/run-instance.js';
import { sleep } from '../runtime/sleep.js';
import { startWorkflow } from '../runtime/start-workflow.js';
import { openHarness, type Harness } from '../runtime/testing/harness.js';
import { backendAgents } from './backend-agents.js';

let server: FakeModelServer;
let h: Harness;
let stageRoot: string;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  h = await openHarness();
  stageRoot = await mkdtemp(join(tmpdir(), 'orchestra-wf-direct-'));
  server.requests.length = 0;
});
afterEach(async () => {
  expect(server.remaining).toBe(0);
  await h.close();
  await rm(stageRoot, { recursive: true, force: true });
});

const answerer = workflow('answerer', async (ctx, input: { question: string }) => {
  const reply = await agent(ctx, { name: 'answer', prompt: input.question, model: 'claude-sonnet-4-5' });
  await sleep(ctx, '1m');
  return { text: reply.text, status: reply.status, outputTokens: reply.data['usage.output_tokens'] ?? null };
});

describe('backendAgents over the direct LLM backend', () => {
  it('issue 11: agent() calls the fake model server once; the replay returns the journaled answer without a second request', async () => {
    server.script([{ text: 'We are open 9 to 5.' }]);
    const backend = createDirectBackend({
      resolveModel: () => ({ provider: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: server.anthropicBaseUrl }),
      env: { ANTHROPIC_API_KEY: 'sk-test-secret' },
      clock: recordingClock(),
      random: () => 0.5,
    });
    const deps = () => ({ ...h.deps(), agents: backendAgents(backend, { stageRoot }) });
    await startWorkflow(deps(), answerer, { question: 'When are you open?' }, { id: 'd1' });
    expect(await runInstance(deps(), answerer, 'd1')).toMatchObject({ status: 'waiting' });
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]!.body as { model: string; messages: { content: { text: string }[] }[] };
    expect(body.model).toBe('claude-sonnet-4-5');
    expect(body.messages[0]!.content[0]!.text).toBe('When are you open?');
    // The call's stage directory is per instance and position, owner-only.
    expect((await stat(join(stageRoot, 'd1', '0'))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(join(stageRoot, 'd1', '0', 'usage.json'), 'utf8'))).toMatchObject({ model: 'claude-sonnet-4-5', calls: 1 });

    h.clock.advance(120_000);
    for (const timer of await h.store.claimDueTimers('sweeper', h.clock.now(), 30_000, 10)) await fireWorkflowTimer(h.deps(), timer, 'sweeper');
    expect(await runInstance(deps(), answerer, 'd1')).toMatchObject({ status: 'completed', instance: { result: { text: 'We are open 9 to 5.', status: 'success', outputTokens: expect.any(Number) } } });
    expect(server.requests).toHaveLength(1);
  });
});
