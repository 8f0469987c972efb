import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, generateText, stepCountIs, streamText, tool } from 'ai';
import type { LanguageModel } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeModelServer } from './fake-model-server.js';
import { Endpoint } from './types.js';
import type { FakeModelServer } from './types.js';
import { tokensFor } from './usage.js';

let server: FakeModelServer;
// Unknown model names make the Anthropic provider warn about its output limit unless one is given.
const maxOutputTokens = 256;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const providers: { name: string; endpoint: Endpoint; model: () => LanguageModel }[] = [
  {
    name: 'anthropic messages',
    endpoint: Endpoint.anthropicMessages,
    model: () => createAnthropic({ baseURL: server.anthropicBaseUrl, apiKey: 'test' })('claude-fake'),
  },
  {
    name: 'openai chat',
    endpoint: Endpoint.openaiChat,
    model: () => createOpenAI({ baseURL: server.openaiBaseUrl, apiKey: 'test' }).chat('gpt-fake'),
  },
  {
    name: 'openai responses',
    endpoint: Endpoint.openaiResponses,
    model: () => createOpenAI({ baseURL: server.openaiBaseUrl, apiKey: 'test' }).responses('gpt-fake'),
  },
];

function writeFileTool(written: Record<string, string>) {
  return tool({
    description: 'Write a file',
    inputSchema: z.object({ path: z.string(), content: z.string() }),
    execute: ({ path, content }) => {
      written[path] = content;
      return Promise.resolve(`wrote ${content.length} bytes to ${path}`);
    },
  });
}

/** The last request's messages/input as text, to find the tool result the SDK sent back. */
function lastRequestText(): string {
  return JSON.stringify(server.requests.at(-1)?.body);
}

describe.each(providers)('AI SDK against the fake $name endpoint', ({ endpoint, model }) => {
  it('generateText returns the scripted text with deterministic usage', async () => {
    server.script([{ text: 'Hello from the fake' }]);
    const result = await generateText({ model: model(), maxOutputTokens, prompt: 'Say hello' });
    expect(result.text).toBe('Hello from the fake');
    expect(result.usage.outputTokens).toBe(tokensFor('Hello from the fake'.length));
    expect(result.usage.inputTokens).toBe(tokensFor(server.requests[0]!.bodyLength));
    expect(server.requests.map((r) => [r.endpoint, r.stream])).toEqual([[endpoint, false]]);
  });

  it('streamText streams the scripted text', async () => {
    server.script([{ text: 'Streamed answer, in pieces' }]);
    const result = streamText({ model: model(), maxOutputTokens, prompt: 'Stream please' });
    const parts: string[] = [];
    for await (const part of result.textStream) parts.push(part);
    expect(parts.join('')).toBe('Streamed answer, in pieces');
    expect(parts.length).toBeGreaterThan(1);
    expect((await result.usage).outputTokens).toBe(tokensFor('Streamed answer, in pieces'.length));
    expect(server.requests.map((r) => [r.endpoint, r.stream])).toEqual([[endpoint, true]]);
  });

  it.each([false, true])('runs a tool call round trip (streaming: %s)', async (streaming) => {
    server.script([
      { toolCalls: [{ name: 'write_file', input: { path: 'hello.txt', content: 'hi there' } }] },
      { text: 'Done: wrote hello.txt' },
    ]);
    const written: Record<string, string> = {};
    const options = { model: model(), maxOutputTokens, prompt: 'Write hello.txt', tools: { write_file: writeFileTool(written) }, stopWhen: stepCountIs(3) };
    const text = streaming ? await streamText(options).text : (await generateText(options)).text;
    expect(text).toBe('Done: wrote hello.txt');
    expect(written).toEqual({ 'hello.txt': 'hi there' });
    expect(server.requests).toHaveLength(2);
    expect(lastRequestText()).toContain('wrote 8 bytes to hello.txt');
  });

  it('retries a 429 after its Retry-After and then succeeds', async () => {
    server.script([{ error: { status: 429, retryAfter: 0.05, message: 'slow down' } }, { text: 'after the wait' }]);
    const result = await generateText({ model: model(), maxOutputTokens, prompt: 'Hi', maxRetries: 2 });
    expect(result.text).toBe('after the wait');
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces a 429 with its Retry-After header and message when retries are off', async () => {
    server.script([{ error: { status: 429, retryAfter: 7, message: 'rate limited, try later' } }]);
    const error: unknown = await generateText({ model: model(), maxOutputTokens, prompt: 'Hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.responseHeaders?.['retry-after']).toBe('7');
    expect(apiError.message).toBe('rate limited, try later');
  });

  it('fails a 401 at once without retrying', async () => {
    server.script([{ error: { status: 401, message: 'invalid x-api-key' } }, { text: 'never sent' }]);
    const error: unknown = await generateText({ model: model(), maxOutputTokens, prompt: 'Hi', maxRetries: 2 }).catch((e: unknown) => e);
    expect((error as APICallError).statusCode).toBe(401);
    expect((error as APICallError).message).toBe('invalid x-api-key');
    expect(server.requests).toHaveLength(1);
    expect(server.remaining).toBe(1);
    server.script([]);
    await generateText({ model: model(), maxOutputTokens, prompt: 'drain' });
  });
});
