import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrchestraRouter } from '../../src/client/index.js';
import { mountMcp } from '../../src/server/mcp/mount-mcp.js';
import { mountEvents, type EventsMount } from '../../src/server/sse/mount-events.js';
import { openSse, type SseConnection } from '../../src/server/sse/testing/sse-client.js';
import { startTokenServer, type TokenServer } from '../../src/server/http/testing/token-server.js';
import { mountTrpc } from '../../src/server/trpc/index.js';
import { operations } from '../../src/services/api/index.js';
import { openApiHarness, type ApiHarness } from '../../src/services/api/testing/api-harness.js';
import { watchStoreChanges, type StoreChanges } from '../../src/store/sqlite/index.js';
import { eventually } from '../cli/helpers/spawn-cli.js';

/*
 * Tenant isolation of the ways in beside the REST routes (issue 12): /events (SSE), /mcp and /trpc,
 * mounted as the daemon mounts them on the real HTTP API (createHttpApp, real bearer tokens, a
 * SQLite store and its change watcher). Tenant a's objects carry `marker` in their text; tenant b's
 * tokens must never see it, nor a's ids (all a feed event names), whatever they ask for, and never
 * change a's human task.
 */

const marker = 'a-secret';
const form = { ok: { type: 'boolean', required: true } };

let h: ApiHarness;
let changes: StoreChanges;
let events: EventsMount;
let api: TokenServer;
let tokens: { a: string; b: string };
/** Tenant a's human task and run, and b's first human task. */
let ids: { aTask: string; aRun: string; bTask: string };
const open: SseConnection[] = [];

const post = async (path: string, token: string, body: unknown) => {
  const response = await fetch(`${api.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; status: string };
};

beforeAll(async () => {
  h = await openApiHarness();
  changes = watchStoreChanges(join(h.deps.home, 'orchestra.db'));
  events = mountEvents({ changes, heartbeatMs: 200 });
  api = await startTokenServer(h.deps, operations, [mountTrpc, mountMcp({ operations }), events]);
  tokens = { a: await api.token('a', 'root', 'admin'), b: await api.token('b', 'root', 'admin') };
  // a's objects first, so their events come before b's in the feed: a stream that shows b's event
  // has already gone past a's.
  const aTask = (await post('/human-tasks', tokens.a, { title: `${marker} approval`, form })).id;
  const aRun = 'runoftenanta';
  await h.store.createRun({ id: aRun, pipeline: marker, file: '/p.dot', source: 'digraph p {}', goal: marker, logsRoot: join(h.deps.home, 'runs', aRun), variables: {}, options: {}, startedAt: 1, tenant: 'a' });
  await h.store.appendEvents(aRun, [{ type: 'log', level: 'info', message: `${marker} log line`, at: 2 }]);
  const bTask = (await post('/human-tasks', tokens.b, { title: 'b approval', form })).id;
  ids = { aTask, aRun, bTask };
}, 60_000);

afterAll(async () => {
  for (const connection of open.splice(0)) connection.close();
  events.close();
  await api.server.close();
  changes.close();
  await h.close();
});

const leaksA = (text: string) => [marker, ids.aTask, ids.aRun].filter((secret) => text.includes(secret));

describe('issue 12: tenant isolation of /events', () => {
  const connect = async (query: string, token: string, headers: Record<string, string> = {}) => {
    const connection = await openSse(`${api.url}/events${query}`, { authorization: `Bearer ${token}`, ...headers });
    open.push(connection);
    expect(connection.status).toBe(200);
    return connection;
  };
  const text = (connection: SseConnection) => connection.messages.map((m) => `${m.id} ${m.event} ${m.data}`).join('\n');
  const until = (connection: SseConnection, needle: string) => eventually(() => (text(connection).includes(needle) ? true : undefined), `an event naming ${needle}`);

  it("issue 12: b's stream, unfiltered, filtered by a's ids, and resumed with Last-Event-ID, never carries a's events; a's stream does", async () => {
    const ofA = await connect(`?run=${ids.aRun}&human_task=${ids.aTask}`, tokens.a);
    await until(ofA, ids.aRun);
    await until(ofA, ids.aTask);
    const firstOfA = Number(ofA.messages[0]?.id);
    const streams = [
      await connect('', tokens.b),
      // a's run and human task named beside b's own: b's comes, a's never.
      await connect(`?run=${ids.aRun}&human_task=${ids.bTask}`, tokens.b),
      await connect(`?human_task=${ids.bTask}&kinds=human_task,run`, tokens.b),
      await connect('', tokens.b, { 'Last-Event-ID': '0' }),
      // Resumed from just before a's first event: the id is a's, the events are still only b's.
      await connect(`?run=${ids.aRun}&human_task=${ids.bTask}`, tokens.b, { 'Last-Event-ID': String(firstOfA - 1) }),
      await connect(`?after=${firstOfA - 1}`, tokens.b),
    ];
    for (const stream of streams) await until(stream, ids.bTask);
    // Live: a new event of a's, then one of b's; b's streams get b's and have gone past a's.
    await h.store.appendEvents(ids.aRun, [{ type: 'log', level: 'info', message: `${marker} live`, at: 3 }]);
    const bLive = (await post('/human-tasks', tokens.b, { title: 'b again', form })).id;
    await until(streams[0]!, bLive);
    await until(streams[3]!, bLive);
    await eventually(() => (ofA.messages.filter((m) => m.event === 'log').length === 2 ? true : undefined), "a's live run event on a's stream");
    for (const stream of streams) expect(leaksA(text(stream)), text(stream)).toEqual([]);
    expect(text(ofA)).not.toContain(ids.bTask);
  });

  it("issue 12: only a's ids as the filter give b a stream with nothing in it, even resumed from 0", async () => {
    const stream = await connect(`?run=${ids.aRun}&human_task=${ids.aTask}`, tokens.b, { 'Last-Event-ID': '0' });
    // A heartbeat follows the catch-up read: by then, anything b could see was sent.
    await eventually(() => (stream.heartbeats > 0 ? true : undefined), 'a heartbeat');
    expect(stream.messages).toEqual([]);
  });
});

describe('issue 12: tenant isolation of /mcp', () => {
  const mcpAs = async (token: string) => {
    const client = new Client({ name: 'isolation-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${api.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    return client;
  };
  const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as Array<{ type: string; text?: string }>).map((part) => part.text ?? '').join('\n');

  it("issue 12: b's MCP tools and inbox resource neither read nor change a's human tasks", async () => {
    const b = await mcpAs(tokens.b);
    try {
      const list = await b.callTool({ name: 'human_task_list', arguments: { view: 'all', status: ['open', 'claimed', 'completed', 'cancelled', 'expired'] } });
      expect(list.isError).toBeFalsy();
      expect(textOf(list)).toContain(ids.bTask);
      expect(leaksA(textOf(list))).toEqual([]);
      for (const [name, args] of [
        ['human_task_get', { id: ids.aTask }],
        ['human_task_claim', { id: ids.aTask }],
        ['human_task_answer', { id: ids.aTask, answer: { ok: true } }],
        ['human_task_cancel', { id: ids.aTask }],
      ] as const) {
        const result = await b.callTool({ name, arguments: args });
        expect(result.isError, name).toBe(true);
        expect(textOf(result), name).toContain('E_HUMAN_TASK_NOT_FOUND');
        expect(textOf(result), name).not.toContain(marker);
      }
      const inbox = await b.readResource({ uri: 'orchestra://inbox' });
      expect(leaksA(JSON.stringify(inbox))).toEqual([]);
    } finally {
      await b.close();
    }
    const a = await mcpAs(tokens.a);
    try {
      const mine = await a.callTool({ name: 'human_task_get', arguments: { id: ids.aTask } });
      expect(textOf(mine)).toContain(marker);
      expect(textOf(mine)).toMatch(/"status":\s*"open"/);
    } finally {
      await a.close();
    }
  });
});

describe('issue 12: tenant isolation of /trpc', () => {
  const trpcAs = (token: string) => createTRPCClient<OrchestraRouter>({ links: [httpLink({ url: `${api.url}/trpc`, headers: { authorization: `Bearer ${token}` } })] });
  const failure = (call: Promise<unknown>) =>
    call.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => {
        if (!(error instanceof TRPCClientError)) throw error;
        return { message: error.message, data: error.data as { code: string; orchestra?: { code: string } } };
      },
    );

  it("issue 12: b's tRPC queries and mutations neither read nor change a's human task", async () => {
    const b = trpcAs(tokens.b);
    const list = await b.humanTasks.list.query({ view: 'all', status: ['open', 'claimed', 'completed', 'cancelled', 'expired'] });
    expect(list.items.map((task) => task.id)).toContain(ids.bTask);
    expect(leaksA(JSON.stringify(list))).toEqual([]);
    expect(await failure(b.humanTasks.get.query({ id: ids.aTask }))).toMatchObject({ data: { code: 'NOT_FOUND', orchestra: { code: 'E_HUMAN_TASK_NOT_FOUND' } } });
    expect(await failure(b.humanTasks.answer.mutate({ id: ids.aTask, answer: { ok: true } }))).toMatchObject({ data: { code: 'NOT_FOUND', orchestra: { code: 'E_HUMAN_TASK_NOT_FOUND' } } });
    expect(await failure(b.humanTasks.cancel.mutate({ id: ids.aTask }))).toMatchObject({ data: { orchestra: { code: 'E_HUMAN_TASK_NOT_FOUND' } } });
    expect(await failure(b.runs.get.query({ runId: ids.aRun }))).toMatchObject({ data: { orchestra: { code: 'E_RUN_NOT_FOUND' } } });
    // A's task is as A left it.
    expect(await trpcAs(tokens.a).humanTasks.get.query({ id: ids.aTask })).toMatchObject({ title: `${marker} approval`, status: 'open' });
  });
});
