import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mount } from './api-env.js';
import { getWithHost, startApiFixture, type ApiFixture } from './testing/api-fixture.js';
import { sampleOperations } from './testing/sample-operations.js';

const mountCaller: Mount = (app) => {
  app.get('/mounted', (c) => c.json({ user: c.get('caller').user, access: c.get('caller').access, tenant: c.get('caller').scope.tenant, home: c.get('deps').home }));
};

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture({ operations: sampleOperations, mounts: [mountCaller] });
});
afterAll(() => api.server.close());

const json = async (response: Response): Promise<Record<string, unknown>> => (await response.json()) as Record<string, unknown>;

describe('HTTP API: authentication', () => {
  it('issue 12: /health and /openapi.json answer without a token, /health saying nothing but ok', async () => {
    const health = await api.call('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await api.call('/openapi.json')).status).toBe(200);
  });

  it.each([
    ['no token', undefined, 'no bearer token'],
    ['an unknown token', 'stolen', 'not valid'],
  ])('issue 12: %s is 401 problem+json with WWW-Authenticate: Bearer', async (_label, token, detail) => {
    const response = await api.call('/notes', token === undefined ? {} : { token });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await json(response)).toMatchObject({ type: 'urn:orchestra:error:E_UNAUTHORIZED', title: 'Unauthorized', status: 401, code: 'E_UNAUTHORIZED', detail: expect.stringContaining(detail), hint: expect.stringContaining('orchestra token') });
  });

  it('issue 12: a read token calling a write operation is 403 E_FORBIDDEN naming the access it needs', async () => {
    const response = await api.call('/notes/7', { token: 'read-token', method: 'PATCH', body: JSON.stringify({ text: 'hi' }) });
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ code: 'E_FORBIDDEN', detail: 'notes.edit needs a write token; this token is read' });
  });

  it('issue 12: a mount sees the caller and the deps the token gave, and is behind the token too', async () => {
    expect(await json(await api.call('/mounted', { token: 'write-token' }))).toEqual({ user: 'writer', access: 'write', tenant: 'acme', home: '/nonexistent' });
    expect((await api.call('/mounted')).status).toBe(401);
  });

  it('issue 12: an unknown route is a 404 problem (after the token check)', async () => {
    expect((await api.call('/nothing')).status).toBe(401);
    const response = await api.call('/nothing', { token: 'read-token' });
    expect(response.status).toBe(404);
    expect(await json(response)).toMatchObject({ code: 'E_USAGE', detail: 'no route GET /nothing' });
  });
});

describe('HTTP API: Host and Origin', () => {
  it.each(['evil.example', `evil.example:80`, '127.0.0.2'])('issue 12: Host %s is refused with 403 (DNS rebinding)', async (host) => {
    const response = await getWithHost(`${api.server.url}/health`, host);
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'E_FORBIDDEN', detail: expect.stringContaining(host) });
  });

  it('issue 12: Host localhost:PORT and 127.0.0.1:PORT are this server', async () => {
    expect((await getWithHost(`${api.server.url}/health`, `localhost:${api.server.port}`)).status).toBe(200);
    expect((await getWithHost(`${api.server.url}/health`, `127.0.0.1:${api.server.port}`)).status).toBe(200);
  });

  it('issue 12: a foreign Origin is refused with 403 even with a good token; the own origin passes, without CORS headers', async () => {
    const foreign = await api.call('/notes', { token: 'read-token', headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await json(foreign)).toMatchObject({ code: 'E_FORBIDDEN', detail: expect.stringContaining('http://evil.example') });
    expect((await api.call('/health', { headers: { origin: 'null' } })).status).toBe(403);
    const own = await api.call('/notes', { token: 'read-token', headers: { origin: `http://localhost:${api.server.port}` } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('issue 12: without corsOrigins there is no CORS: a preflight gets no allow headers', async () => {
    const preflight = await api.call('/notes', { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('issue 12: with corsOrigins, only those origins get CORS, preflight included', async () => {
    const cors = await startApiFixture({ operations: sampleOperations, corsOrigins: ['http://LOCALHOST:5173/'] });
    try {
      const preflight = await cors.call('/notes', { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      const get = await cors.call('/notes', { token: 'read-token', headers: { origin: 'http://localhost:5173' } });
      expect(get.status).toBe(200);
      expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      const other = await cors.call('/notes', { method: 'OPTIONS', headers: { origin: 'http://localhost:5174', 'access-control-request-method': 'GET' } });
      expect(other.status).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await cors.server.close();
    }
  });
});

describe('HTTP API: operations', () => {
  it('issue 12: a write with a path parameter and a JSON body runs as the token\'s caller', async () => {
    const response = await api.call('/notes/7', { token: 'write-token', method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi', id: 99 }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 7, text: 'hi', tags: ['writer'] });
  });

  it('issue 12: query strings are coerced by the schema: numbers, booleans, repeated keys and comma lists', async () => {
    const response = await api.call('/notes?limit=5&archived=true&tags=a,b&tags=c&minId=-3&cursor=12', { token: 'read-token' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [], echo: { limit: 5, archived: true, tags: ['a', 'b', 'c'], minId: -3, cursor: '12' } });
    expect((await json(await api.call('/notes', { token: 'read-token' }))).echo).toEqual({ limit: 50, archived: false });
  });

  it('issue 12: bad query values are 400 E_USAGE naming every field', async () => {
    const response = await api.call('/notes?limit=abc&archived=maybe&minId=1.5', { token: 'read-token' });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toMatchObject({ code: 'E_USAGE', status: 400, title: 'Bad Request', detail: expect.stringContaining('invalid input for notes.list') });
    expect((body.errors as Array<{ field: string }>).map((issue) => issue.field).sort()).toEqual(['archived', 'limit', 'minId']);
  });

  it('issue 12: a bad body is 400 E_USAGE naming nested fields; a body that is not JSON says so', async () => {
    const response = await api.call('/notes/0', { token: 'write-token', method: 'PATCH', body: JSON.stringify({ text: '', meta: { author: 3 } }) });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.code).toBe('E_USAGE');
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'id' }), expect.objectContaining({ field: 'text' }), expect.objectContaining({ field: 'meta.author', message: expect.stringContaining('string') })]));
    const notJson = await api.call('/notes/1', { token: 'write-token', method: 'PATCH', body: '{text:' });
    expect(notJson.status).toBe(400);
    expect(await json(notJson)).toMatchObject({ code: 'E_USAGE', detail: expect.stringContaining('not JSON') });
    const array = await api.call('/notes/1', { token: 'write-token', method: 'PATCH', body: '[1]' });
    expect(await json(array)).toMatchObject({ status: 400, errors: [{ field: '(input)', message: expect.stringContaining('object') }] });
  });

  it('issue 12: an OrchestraError with fields is problem+json with its code, status, hint and errors', async () => {
    const response = await api.call('/notes/reject', { token: 'read-token', method: 'POST' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'urn:orchestra:error:E_FORM_INVALID',
      title: 'Bad Request',
      status: 400,
      detail: 'the answer is not valid',
      code: 'E_FORM_INVALID',
      hint: 'Fix the fields.',
      errors: [{ field: 'reason', message: 'Required' }, { field: 'score', message: 'Too big' }],
    });
  });

  it('issue 12: a result breaking its output schema, or an unexpected throw, is a logged 500 with no details in the answer', async () => {
    const broken = await api.call('/notes/broken', { token: 'read-token', headers: { 'x-secret': 'do-not-log' } });
    expect(broken.status).toBe(500);
    expect(await json(broken)).toMatchObject({ code: 'E_INTERNAL', detail: expect.stringContaining('does not match its own schema') });
    expect(api.logged.some((line) => line.fields?.operation === 'notes.broken' && String(line.fields.issues).includes('id'))).toBe(true);

    const crashed = await api.call('/notes/broken?crash=true', { token: 'read-token' });
    expect(crashed.status).toBe(500);
    const text = await crashed.text();
    expect(JSON.parse(text)).toEqual({ type: 'urn:orchestra:error:E_INTERNAL', title: 'Internal Server Error', status: 500, detail: 'Orchestra failed unexpectedly; the details are in its log.', code: 'E_INTERNAL' });
    expect(text).not.toContain('secret');
    expect(api.logged.some((line) => line.fields?.error === 'boom at /secret/path' && line.fields.path === '/notes/broken')).toBe(true);
    const log = JSON.stringify(api.logged);
    expect(log).not.toContain('read-token');
    expect(log).not.toContain('do-not-log');
  });
});

describe('HTTP API: limits', () => {
  it('issue 12: a body over 16 MiB is a 413 problem, refused before the operation runs', async () => {
    const response = await api.call('/notes/1', { token: 'write-token', method: 'PATCH', body: JSON.stringify({ text: 'x'.repeat(17 * 1024 * 1024) }) });
    expect(response.status).toBe(413);
    expect(await json(response)).toMatchObject({ code: 'E_USAGE', title: 'Payload Too Large' });
  });
});
