import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, OrchestraApiError, type OrchestraRouter } from '../../src/client/index.js';
import { getWithHost } from '../../src/server/http/testing/api-fixture.js';
import { connectHttp, createToken, startDaemon } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

/*
 * Authentication, Host and Origin on the real daemon (issue 12): the built CLI's daemon, tokens made
 * by `orchestra token create`, every way in (REST through orchestra/client, /events, /mcp, /trpc
 * through @trpc/client) asked with no token, a bad one, a revoked one, a read-only one writing, a
 * foreign Host and a foreign Origin.
 */

const p = new TaskProject();
let url = '';
let tokens: { admin: string; read: string };
const form = { ok: { type: 'boolean', required: true } };

beforeAll(async () => {
  url = await startDaemon(p);
  tokens = { admin: await createToken(p, 'auth-admin', 'admin'), read: await createToken(p, 'auth-reader', 'read') };
}, 60_000);

afterAll(async () => {
  await p.cleanup();
});

const mcpInitialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'auth-test', version: '1' } } });

/** Each way in, asked once with `headers`: its HTTP status and, where it is problem+json, its code. */
async function everyWayIn(headers: Record<string, string>): Promise<Record<string, { status: number; code?: string }>> {
  const ask = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    // A stream that started is answered: its status is all this needs.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status };
    }
    const text = await response.text();
    const code = response.headers.get('content-type')?.includes('problem+json') ? (JSON.parse(text) as { code: string }).code : undefined;
    return { status: response.status, ...(code !== undefined && { code }) };
  };
  return {
    rest: await ask('/human-tasks'),
    events: await ask('/events?kinds=human_task', { headers: { accept: 'text/event-stream' } }),
    mcp: await ask('/mcp', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: mcpInitialize }),
    trpc: await ask(`/trpc/humanTasks.list?input=${encodeURIComponent('{}')}`),
  };
}

const refusedEverywhere = (status: number, code: string) => ({ rest: { status, code }, events: { status, code }, mcp: { status, code }, trpc: { status, code } });

describe('issue 12: authentication on the real daemon', () => {
  it('issue 12: no token, or a token nobody made, is 401 E_UNAUTHORIZED on REST, /events, /mcp and /trpc', async () => {
    expect(await everyWayIn({})).toEqual(refusedEverywhere(401, 'E_UNAUTHORIZED'));
    expect(await everyWayIn({ authorization: 'Bearer orc_not-a-token-of-this-daemon' })).toEqual(refusedEverywhere(401, 'E_UNAUTHORIZED'));
    expect(await everyWayIn({ authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}` })).toEqual(refusedEverywhere(401, 'E_UNAUTHORIZED'));
  });

  it('issue 12: a token revoked through DELETE /tokens/{id} stops working at once everywhere, and the others keep working', async () => {
    const admin = createClient({ url, token: tokens.admin });
    const made = await admin.tokens.create({ name: 'short-lived', access: 'write' });
    const bearer = { authorization: `Bearer ${made.token}` };
    const before = await everyWayIn(bearer);
    expect(Object.values(before).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);

    expect(await admin.tokens.revoke({ id: made.record.id })).toMatchObject({ revoked: true });
    expect(await everyWayIn(bearer)).toEqual(refusedEverywhere(401, 'E_UNAUTHORIZED'));
    const revokedClient = createClient({ url, token: made.token });
    const error = await revokedClient.humanTasks.list({}).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(OrchestraApiError);
    expect(error).toMatchObject({ status: 401, code: 'E_UNAUTHORIZED', message: expect.stringContaining('revoked') });
    expect((await admin.tokens.list({ includeRevoked: true })).items.find((token) => token.id === made.record.id)?.revokedAt).toEqual(expect.any(Number));
    expect(Object.values(await everyWayIn({ authorization: `Bearer ${tokens.read}` })).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  });

  it('issue 12: a read-only token may read but not write: REST and tRPC are 403 E_FORBIDDEN, MCP offers no write tool, and nothing is made', async () => {
    const reader = createClient({ url, token: tokens.read });
    const refused = await reader.humanTasks.create({ title: 'read-only write', form }).then(() => undefined, (caught: unknown) => caught);
    expect(refused).toMatchObject({ status: 403, code: 'E_FORBIDDEN', message: 'humanTasks.create needs a write token; this token is read' });
    const refusedToken = await reader.tokens.create({ name: 'escalate', access: 'admin' }).then(() => undefined, (caught: unknown) => caught);
    expect(refusedToken).toMatchObject({ status: 403, code: 'E_FORBIDDEN' });

    const trpc = createTRPCClient<OrchestraRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${tokens.read}` } })] });
    expect((await trpc.humanTasks.list.query({})).items).toEqual([]);
    const trpcError = await trpc.humanTasks.create.mutate({ title: 'read-only write', form }).then(() => undefined, (caught: unknown) => caught);
    expect(trpcError).toBeInstanceOf(TRPCClientError);
    expect((trpcError as TRPCClientError<OrchestraRouter>).data).toMatchObject({ code: 'FORBIDDEN', orchestra: { code: 'E_FORBIDDEN' } });

    const mcp = await connectHttp(url, tokens.read);
    try {
      const names = (await mcp.client.listTools()).tools.map((tool) => tool.name);
      expect(names).toContain('human_task_list');
      expect(names).not.toContain('human_task_create');
      const call = await mcp.client.callTool({ name: 'human_task_create', arguments: { title: 'read-only write', form } });
      expect(call.isError).toBe(true);
    } finally {
      await mcp.close();
    }
    const admin = createClient({ url, token: tokens.admin });
    expect((await admin.humanTasks.list({ view: 'all' })).items).toEqual([]);
    expect((await admin.tokens.list({})).items.map((token) => token.name)).not.toContain('escalate');
  });
});

describe('issue 12: Host and Origin on the real daemon', () => {
  it('issue 12: a foreign Host (DNS rebinding) is 403 even for /health; the daemon\'s own 127.0.0.1 and localhost pass', async () => {
    const port = new URL(url).port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      const answer = await getWithHost(`${url}/health`, host);
      expect(answer.status, host).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'E_FORBIDDEN' });
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await getWithHost(`${url}/health`, host)).status, host).toBe(200);
  });

  it('issue 12: a foreign Origin is 403 on every way in even with a good token; the daemon\'s own origin passes without CORS headers', async () => {
    const bearer = `Bearer ${tokens.admin}`;
    expect(await everyWayIn({ authorization: bearer, origin: 'https://evil.example' })).toEqual(refusedEverywhere(403, 'E_FORBIDDEN'));
    expect(Object.values(await everyWayIn({ authorization: bearer, origin: url })).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const own = await fetch(`${url}/human-tasks`, { headers: { authorization: bearer, origin: url } });
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    // No CORS unless configured: a preflight from another origin gets no allow headers.
    const preflight = await fetch(`${url}/human-tasks`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
