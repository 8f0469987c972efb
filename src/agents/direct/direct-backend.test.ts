import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import type { AttrValue } from '../../pipeline/graph/model.js';
import type { ModelResolver, ModelTarget } from '../llm/index.js';
import { recordingClock } from '../llm/testing/fake-clock.js';
import { simNode, simRequest, str } from '../simulation/sim-test-node.js';
import { createDirectBackend } from './direct-backend.js';

let server: FakeModelServer;
let stageDir: string;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  stageDir = await mkdtemp(join(tmpdir(), 'orchestra-direct-'));
  server.requests.length = 0;
});
afterEach(async () => {
  // Every scripted turn was used: a leftover would answer the next test.
  expect(server.remaining).toBe(0);
  await rm(stageDir, { recursive: true, force: true });
});

const env = { ANTHROPIC_API_KEY: 'sk-test-secret' };

function anthropicTarget(): ModelTarget {
  return { provider: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: server.anthropicBaseUrl };
}

function backendWith(options: { target?: ModelResolver; env?: Record<string, string>; clock?: ReturnType<typeof recordingClock> } = {}) {
  const clock = options.clock ?? recordingClock();
  const backend = createDirectBackend({ resolveModel: options.target ?? anthropicTarget, env: options.env ?? env, clock, random: () => 0.5 });
  return { backend, clock };
}

function request(attrs: Record<string, AttrValue> = {}, overrides: Parameters<typeof simRequest>[1] = {}) {
  return simRequest(simNode('review', attrs), { stageDir, prompt: 'Review the change', ...overrides });
}

describe('createDirectBackend', () => {
  it('makes one call with the prompt and the outcome rule, and answers SUCCESS with usage', async () => {
    server.script([{ text: 'Looks fine to me.' }]);
    const { backend } = backendWith();
    const result = await backend.run(request({}, { preamble: '- plan: success' }));
    expect(result).toMatchObject({ outcome: { status: 'success' }, response: 'Looks fine to me.' });
    const body = server.requests[0]!.body as { system: { text: string }[]; messages: { content: { text: string }[] }[]; model: string };
    expect(body.model).toBe('claude-sonnet-4-5');
    expect(body.system[0]!.text).toContain('ending your answer with a fenced json block');
    expect(body.messages[0]!.content[0]!.text).toBe('- plan: success\n\nReview the change');
    const usage = JSON.parse(await readFile(join(stageDir, 'usage.json'), 'utf8'));
    expect(usage).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-5', calls: 1, output_tokens: 5 });
    expect(usage.input_tokens).toBeGreaterThan(0);
    expect(usage.cost_usd).toBeCloseTo((usage.input_tokens * 3 + usage.output_tokens * 15) / 1e6, 9);
    expect(result.outcome.contextUpdates).toEqual({
      'usage.model': 'claude-sonnet-4-5',
      'usage.input_tokens': usage.input_tokens,
      'usage.output_tokens': 5,
      'usage.cost_usd': usage.cost_usd,
    });
    expect(JSON.stringify(server.requests[0]!.headers)).not.toContain('sk-test-secret');
  });

  it('turns a final json block into the outcome, its context updates beside the usage', async () => {
    server.script([{ text: 'Two bugs.\n```json\n{"outcome": "fail", "failure_reason": "two bugs", "preferred_label": "Fix", "context_updates": {"bugs": 2}}\n```' }]);
    const result = await backendWith().backend.run(request());
    expect(result.response).toBe('Two bugs.');
    expect(result.outcome).toMatchObject({ status: 'fail', failureReason: 'two bugs', preferredLabel: 'Fix', contextUpdates: { bugs: 2, 'usage.output_tokens': expect.any(Number) } });
  });

  it('passes reasoning_effort to an OpenAI-compatible provider under its name', async () => {
    server.script([{ text: 'ok' }]);
    const target = () => ({ provider: 'local', type: 'openai-compatible' as const, model: 'qwen3', baseUrl: server.openaiBaseUrl });
    const result = await backendWith({ target, env: {} }).backend.run(request({ reasoning_effort: str('low') }));
    expect(result.response).toBe('ok');
    expect(server.requests[0]).toMatchObject({ path: '/v1/chat/completions', body: { model: 'qwen3', reasoning_effort: 'low' } });
  });

  it('hands the node\'s llm_model and llm_provider to the resolver', async () => {
    server.script([{ text: 'ok' }]);
    const wishes: unknown[] = [];
    const target = (wish: unknown) => (wishes.push(wish), anthropicTarget());
    await backendWith({ target }).backend.run(request({ llm_model: str('smart'), llm_provider: str('anthropic') }));
    expect(wishes).toEqual([{ llm_model: 'smart', llm_provider: 'anthropic' }]);
  });

  it('continues the conversation for nodes of one full-fidelity thread, and only for them', async () => {
    server.script([{ text: 'first answer' }, { text: 'second answer' }, { text: 'fresh' }]);
    const { backend } = backendWith();
    await backend.run(request({}, { fidelity: 'full', threadId: 'loop', prompt: 'first question' }));
    await backend.run(request({}, { fidelity: 'full', threadId: 'loop', prompt: 'second question' }));
    await backend.run(request({}, { fidelity: 'compact', threadId: undefined, prompt: 'other' }));
    const texts = (index: number) =>
      (server.requests[index]!.body as { messages: { role: string; content: { text: string }[] }[] }).messages.map((m) => `${m.role}: ${m.content[0]!.text}`);
    expect(texts(1)).toEqual(['user: first question', 'assistant: first answer', 'user: second question']);
    expect(texts(2)).toEqual(['user: other']);
  });

  it('retries a 429 after the Retry-After the provider sent, then succeeds', async () => {
    server.script([{ error: { status: 429, retryAfter: 7 } }, { text: 'second time lucky' }]);
    const { backend, clock } = backendWith();
    await expect(backend.run(request())).resolves.toMatchObject({ response: 'second time lucky' });
    expect(clock.slept).toEqual([7_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('issue 9: reports each provider retry as the node\'s activity (api_retry N/3)', async () => {
    server.script([{ error: { status: 529 } }, { error: { status: 529 } }, { text: 'third time' }]);
    const events: unknown[] = [];
    const { backend } = backendWith();
    await expect(backend.run(request({}, { emit: (event) => Promise.resolve(void events.push(event)) }))).resolves.toMatchObject({ response: 'third time' });
    expect(events.filter((event) => (event as { type: string }).type === 'agent.activity')).toEqual([
      { type: 'agent.activity', node: 'review', activity: 'api_retry 1/3 (HTTP 529)' },
      { type: 'agent.activity', node: 'review', activity: 'api_retry 2/3 (HTTP 529)' },
    ]);
  });

  it('gives up after three retries of a 5xx, with backoff, marking the error retryable for the node', async () => {
    server.script([{ error: { status: 500 } }, { error: { status: 503 } }, { error: { status: 500 } }, { error: { status: 529 } }]);
    const { backend, clock } = backendWith();
    const error = await backend.run(request()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'OrchestraError',
      retryable: true,
      message: 'Provider "anthropic" kept failing for model "claude-sonnet-4-5" (529: fake model server: scripted error 529); gave up after 3 retries.',
    });
    expect(clock.slept).toEqual([750, 1_500, 3_000]);
    expect(server.requests).toHaveLength(4);
  });

  it('fails at once on 401 with a hint naming the key variable', async () => {
    server.script([{ error: { status: 401, message: 'invalid x-api-key' } }]);
    const { backend, clock } = backendWith();
    await expect(backend.run(request())).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: 'Provider "anthropic" refused the request for model "claude-sonnet-4-5" with 401 (invalid x-api-key).',
      hint: 'Check the key in ANTHROPIC_API_KEY: it must be valid for this provider and allowed to use "claude-sonnet-4-5".',
    });
    expect(clock.slept).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('fails before any request when the key is missing, naming the variable', async () => {
    await expect(backendWith({ env: {} }).backend.run(request())).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: 'Provider "anthropic" needs an API key in the environment variable ANTHROPIC_API_KEY, which is not set.',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('rejects with the abort reason when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('node timed out'));
    await expect(backendWith().backend.run(request({}, { signal: controller.signal }))).rejects.toThrow('node timed out');
    expect(server.requests).toHaveLength(0);
  });
});
