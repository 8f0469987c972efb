import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer } from './fake-model-server.js';
import { geminiRoute } from './gemini-generate.js';
import { answerFromSchema } from './gemini-schema-answer.js';
import { parseSse } from './read-sse.js';
import { Endpoint } from './types.js';
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

const writeCall = { name: 'write_file', input: { file_path: '/tmp/x.txt', content: 'hi' } };
const body = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] };

async function post(path: string, payload: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': 'secret-key' },
    body: JSON.stringify(payload),
  });
}

describe('issue 9: the Gemini API of the fake model server', () => {
  it.each([
    ['/v1beta/models/gemini-2.5-pro:generateContent', { model: 'gemini-2.5-pro', stream: false }],
    ['/v1beta/models/gemini-2.5-flash:streamGenerateContent', { model: 'gemini-2.5-flash', stream: true }],
    ['/v1/models/m%2Fx:generateContent', { model: 'm/x', stream: false }],
    ['/v1beta/models/gemini-2.5-pro:countTokens', undefined],
    ['/v1/messages', undefined],
  ])('geminiRoute(%s)', (path, expected) => {
    expect(geminiRoute(path)).toEqual(expected);
  });

  it.each([
    ['an enum takes its first value', { type: 'string', enum: ['flash', 'pro'] }, 'flash'],
    ['a string', { type: 'STRING' }, 'fake'],
    ['an integer without bounds is 1', { type: 'INTEGER' }, 1],
    ['a number takes its minimum', { type: 'number', minimum: 5 }, 5],
    ['a boolean', { type: 'boolean' }, false],
    ['an array', { type: 'array', items: { type: 'string' } }, []],
    ['anyOf takes its first choice', { anyOf: [{ type: 'boolean' }, { type: 'string' }] }, false],
    [
      'an object gets its required properties only',
      { type: 'object', properties: { reasoning: { type: 'string' }, model_choice: { type: 'string', enum: ['flash', 'pro'] }, extra: { type: 'string' } }, required: ['reasoning', 'model_choice'] },
      { reasoning: 'fake', model_choice: 'flash' },
    ],
  ])('answerFromSchema: %s', (_name, schema, expected) => {
    expect(answerFromSchema(schema)).toEqual(expected);
  });

  it('answers generateContent with candidates, finishReason STOP and usageMetadata; the model comes from the path', async () => {
    server.script([{ text: 'hello' }]);
    const response = await post('/v1beta/models/gemini-x:generateContent', body);
    expect(response.status).toBe(200);
    const input = tokensFor(JSON.stringify(body).length);
    expect(await response.json()).toEqual({
      candidates: [{ content: { role: 'model', parts: [{ text: 'hello' }] }, index: 0, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: input, candidatesTokenCount: tokensFor(5), totalTokenCount: input + tokensFor(5) },
      modelVersion: 'gemini-x',
      responseId: 'fake-1',
    });
    expect(server.requests[0]).toMatchObject({ endpoint: Endpoint.gemini, model: 'gemini-x', stream: false, headers: { 'x-goog-api-key': '<redacted>' } });
  });

  it('streams text in two chunks and the function call last, with the finish reason and usage only on the last', async () => {
    server.script([{ text: 'writing', toolCalls: [writeCall] }], { endpoint: Endpoint.gemini });
    const response = await post('/v1beta/models/gemini-x:streamGenerateContent?alt=sse', body);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const chunks = parseSse(await response.text()).map((event) => event.data as { candidates: [{ content: { parts: unknown[] }; finishReason?: string }]; usageMetadata?: unknown });
    expect(chunks.map((chunk) => chunk.candidates[0].content.parts)).toEqual([[{ text: 'wri' }], [{ text: 'ting' }], [{ functionCall: { name: 'write_file', args: writeCall.input } }]]);
    expect(chunks.map((chunk) => chunk.candidates[0].finishReason)).toEqual([undefined, undefined, 'STOP']);
    expect(chunks.map((chunk) => chunk.usageMetadata !== undefined)).toEqual([false, false, true]);
    expect(server.requests[0]).toMatchObject({ query: { alt: 'sse' }, stream: true, model: 'gemini-x' });
  });

  it('answers a request for structured output from its schema without using up the script', async () => {
    server.script([{ text: 'the real answer' }]);
    const schema = { type: 'object', properties: { complexity_score: { type: 'integer' } }, required: ['complexity_score'] };
    const classifier = (await (await post('/v1beta/models/lite:generateContent', { ...body, generationConfig: { responseJsonSchema: schema } })).json()) as { candidates: [{ content: { parts: [{ text: string }] } }] };
    expect(JSON.parse(classifier.candidates[0].content.parts[0].text)).toEqual({ complexity_score: 1 });
    expect(server.remaining).toBe(1);
    const main = (await (await post('/v1beta/models/gemini-x:generateContent', body)).json()) as typeof classifier;
    expect(main.candidates[0].content.parts[0].text).toBe('the real answer');
  });

  it('sends a scripted error as the Gemini error JSON', async () => {
    server.script([{ error: { status: 429, message: 'quota' } }]);
    const response = await post('/v1beta/models/gemini-x:streamGenerateContent?alt=sse', body);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: { code: 429, message: 'quota', status: 'RESOURCE_EXHAUSTED' } });
  });
});
