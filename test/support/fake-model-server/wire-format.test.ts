import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer } from './fake-model-server.js';
import { parseSse } from './read-sse.js';
import type { FakeModelServer } from './types.js';
import { tokensFor } from './usage.js';

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const writeCall = { name: 'Write', input: { file_path: '/tmp/x.txt', content: 'hi' } };

async function post(path: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'secret-key', authorization: 'Bearer secret' },
    body: JSON.stringify(body),
  });
}

function types(events: { data: unknown }[]): string[] {
  return events.map((e) => (typeof e.data === 'object' && e.data !== null ? String((e.data as { type?: string }).type) : String(e.data)));
}

describe('Anthropic Messages wire format', () => {
  const body = { model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] };

  it('answers non-streaming with a message, stop_reason and usage', async () => {
    server.script([{ text: 'hello' }]);
    const response = await post('/v1/messages', body);
    expect(response.status).toBe(200);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      type: 'message', role: 'assistant', model: 'claude-x', stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'hello' }],
      usage: { input_tokens: tokensFor(JSON.stringify(body).length), output_tokens: tokensFor(5) },
    });
  });

  it('streams tool_use as named events with input_json_delta (?beta=true, as Claude Code asks)', async () => {
    server.script([{ text: 'writing', toolCalls: [writeCall] }]);
    const response = await post('/v1/messages?beta=true', { ...body, stream: true });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    expect(events.every((e) => e.event === (e.data as { type: string }).type)).toBe(true);
    expect(types(events)).toEqual([
      'message_start', 'ping',
      'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop',
      'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop',
      'message_delta', 'message_stop',
    ]);
    expect(events[6]!.data).toMatchObject({ content_block: { type: 'tool_use', id: 'toolu_1_0', name: 'Write', input: {} } });
    const json = events.slice(7, 9).map((e) => (e.data as { delta: { partial_json: string } }).delta.partial_json).join('');
    expect(JSON.parse(json)).toEqual(writeCall.input);
    expect(events[10]!.data).toMatchObject({ delta: { stop_reason: 'tool_use' }, usage: { output_tokens: expect.any(Number) as number } });
    expect(server.requests[0]).toMatchObject({ path: '/v1/messages', query: { beta: 'true' }, stream: true, model: 'claude-x' });
  });

  it('sends a scripted error as the API error JSON with Retry-After', async () => {
    server.script([{ error: { status: 429, retryAfter: 3, message: 'too many' } }]);
    const response = await post('/v1/messages', body);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'too many' } });
  });
});

describe('OpenAI Chat Completions wire format', () => {
  const body = { model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }] };

  it('answers non-streaming with tool_calls and finish_reason tool_calls', async () => {
    server.script([{ toolCalls: [writeCall] }]);
    const json = (await (await post('/v1/chat/completions', body)).json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      object: 'chat.completion', model: 'gpt-x',
      choices: [{
        finish_reason: 'tool_calls',
        message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1_0', type: 'function', function: { name: 'Write', arguments: JSON.stringify(writeCall.input) } }] },
      }],
    });
  });

  it('streams content and tool call deltas, a usage chunk when asked, then [DONE]', async () => {
    server.script([{ text: 'writing', toolCalls: [writeCall] }]);
    const response = await post('/v1/chat/completions', { ...body, stream: true, stream_options: { include_usage: true } });
    const events = parseSse(await response.text());
    const chunks = events.slice(0, -1).map((e) => e.data as { choices: { delta: Record<string, unknown>; finish_reason: string | null }[]; usage?: unknown });
    expect(events.at(-1)!.data).toBe('[DONE]');
    const text = chunks.map((c) => c.choices[0]?.delta['content'] ?? '').join('');
    expect(text).toBe('writing');
    const calls = chunks.flatMap((c) => (c.choices[0]?.delta['tool_calls'] as { index: number; id?: string; function: { name?: string; arguments: string } }[] | undefined) ?? []);
    expect(calls[0]).toEqual({ index: 0, id: 'call_1_0', type: 'function', function: { name: 'Write', arguments: '' } });
    expect(JSON.parse(calls.map((c) => c.function.arguments).join(''))).toEqual(writeCall.input);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: tokensFor('writing'.length + JSON.stringify(writeCall.input).length) } });
  });

  it('leaves the usage chunk out unless stream_options.include_usage is set', async () => {
    server.script([{ text: 'plain' }]);
    const events = parseSse(await (await post('/v1/chat/completions', { ...body, stream: true })).text());
    expect(events.some((e) => (e.data as { usage?: unknown }).usage !== undefined)).toBe(false);
  });

  it('sends a scripted 500 as the OpenAI error JSON', async () => {
    server.script([{ error: { status: 500 } }]);
    const response = await post('/v1/chat/completions', body);
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toEqual({
      error: { message: 'fake model server: scripted error 500', type: 'server_error', param: null, code: 'server_error' },
    });
  });
});

describe('OpenAI Responses wire format', () => {
  const body = { model: 'gpt-r', input: 'hi' };

  it('answers non-streaming with message and function_call output items and usage', async () => {
    server.script([{ text: 'calling', toolCalls: [writeCall] }]);
    const json = (await (await post('/v1/responses', body)).json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      object: 'response', status: 'completed', model: 'gpt-r',
      output: [
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'calling' }] },
        { type: 'function_call', call_id: 'call_1_0', name: 'Write', arguments: JSON.stringify(writeCall.input) },
      ],
      usage: { input_tokens: tokensFor(JSON.stringify(body).length) },
    });
  });

  it('streams the event sequence the AI SDK parses', async () => {
    server.script([{ text: 'calling', toolCalls: [writeCall] }]);
    const events = parseSse(await (await post('/v1/responses', { ...body, stream: true })).text());
    expect(types(events)).toEqual([
      'response.created', 'response.in_progress',
      'response.output_item.added', 'response.output_text.delta', 'response.output_text.delta', 'response.output_text.done', 'response.output_item.done',
      'response.output_item.added', 'response.function_call_arguments.delta', 'response.function_call_arguments.delta',
      'response.function_call_arguments.done', 'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => (e.data as { sequence_number: number }).sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.at(-1)!.data).toMatchObject({ response: { status: 'completed', usage: { output_tokens: expect.any(Number) as number } } });
  });
});
