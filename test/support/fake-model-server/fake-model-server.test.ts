import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer } from './fake-model-server.js';
import { Endpoint } from './types.js';
import type { FakeModelServer } from './types.js';

let server: FakeModelServer;
beforeEach(async () => {
  server = await startFakeModelServer();
});
afterEach(async () => {
  await server.close();
});

async function ask(path: string, model: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'sk-secret' },
    body: JSON.stringify({ model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const json = (await response.json()) as { content?: { text: string }[]; choices?: { message: { content: string } }[] };
  return json.content?.[0]?.text ?? json.choices?.[0]?.message.content ?? '';
}

describe('startFakeModelServer', () => {
  it('listens on 127.0.0.1 with an ephemeral port and gives SDK base URLs', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.anthropicBaseUrl).toBe(`${server.url}/v1`);
    expect(server.openaiBaseUrl).toBe(`${server.url}/v1`);
  });

  it.each([
    ['HEAD', '/', 404],
    ['GET', '/', 404],
    ['GET', '/v1/models', 200],
    ['POST', '/v1/unknown', 404],
  ])('%s %s answers %i', async (method, path, status) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(status);
  });

  it('lists a model at GET /v1/models', async () => {
    const json = (await (await fetch(`${server.url}/v1/models`)).json()) as { data: { id: string }[] };
    expect(json.data.map((m) => m.id)).toEqual(['fake-model']);
  });

  it('consumes turns in order across endpoints, then answers "ok"', async () => {
    server.script([{ text: 'first' }, { text: 'second' }]);
    expect(await ask('/v1/messages', 'm')).toBe('first');
    expect(await ask('/v1/chat/completions', 'm')).toBe('second');
    expect(await ask('/v1/messages', 'm')).toBe('ok');
    expect(server.remaining).toBe(0);
  });

  it('issue 13: holdNext() keeps the next model answer back (the request recorded) until released; later ones are not held', async () => {
    server.script([{ text: 'late' }, { text: 'on time' }]);
    const held = server.holdNext();
    let answered = false;
    const pending = ask('/v1/chat/completions', 'm').then((text) => ((answered = true), text));
    expect((await held.arrived).path).toBe('/v1/chat/completions');
    expect(answered).toBe(false);
    expect(await ask('/v1/messages', 'm')).toBe('late');
    expect(answered).toBe(false);
    held.release();
    expect(await pending).toBe('on time');
  });

  it('answers a per-model script (a title request) before the shared queue', async () => {
    server.script([{ text: 'the real answer' }]);
    server.script([{ text: 'Short title' }], { model: 'small-model' });
    expect(await ask('/v1/chat/completions', 'small-model')).toBe('Short title');
    expect(await ask('/v1/chat/completions', 'big-model')).toBe('the real answer');
  });

  it('lets a function turn decide from the recorded request', async () => {
    server.script([(request) => ({ text: `model was ${request.model ?? 'none'}` })]);
    expect(await ask('/v1/messages', 'claude-q')).toBe('model was claude-q');
  });

  it('records method, path, endpoint, parsed body and headers with auth values redacted', async () => {
    await ask('/v1/messages', 'claude-r');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST', path: '/v1/messages', endpoint: Endpoint.anthropicMessages, model: 'claude-r', stream: false,
      body: { model: 'claude-r', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(request!.headers['x-api-key']).toBe('<redacted>');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.stringify(server.requests)).not.toContain('sk-secret');
  });

  it('records a non-JSON body as undefined without failing the request', async () => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', body: 'not json' });
    expect(response.status).toBe(200);
    expect(server.requests[0]).toMatchObject({ body: undefined, bodyLength: 8, stream: false });
  });
});
