import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { DaemonClient } from './client.js';
import type { ConnectionPeer } from './connection-peer.js';
import { defineMethod, type RpcCall, type RpcMethod } from './method.js';
import { serveConnection } from './serve-connection.js';

const deadlineMs = 15_000;

/** Resolves with the next value pushed; for handlers that report from inside the server. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), deadlineMs).unref()),
  ]);
}

let dir: string;
let server: Server;
let socketPath: string;
let peers: ConnectionPeer[];
let logged: { level: string; message: string; fields?: Record<string, unknown> }[];
let clients: DaemonClient[];
let blocked: ReturnType<typeof deferred<RpcCall>>;
let released: ReturnType<typeof deferred<string>>;

const methods: RpcMethod<any, any>[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any -- mixed test methods
  defineMethod({ name: 'test.echo', params: z.object({ text: z.string(), times: z.number().int().min(1).default(1) }), handle: async (p) => ({ echoed: p.text.repeat(p.times) }) }),
  defineMethod({ name: 'test.nothing', params: z.object({}), handle: async () => undefined }),
  defineMethod({
    name: 'test.fail',
    params: z.object({}),
    handle: async () => {
      throw new OrchestraError(ErrorCode.TASK_NOT_FOUND, 'no task "docs" in /p/.orchestra/tasks', {
        hint: 'List tasks with `orchestra status`.',
        detail: '3 | ---',
        location: { file: '/p/.orchestra/tasks/3:docs.md', line: 3, column: 1 },
      });
    },
  }),
  defineMethod({ name: 'test.crash', params: z.object({}), handle: async () => { throw new TypeError('cannot read x of undefined'); } }),
  defineMethod({
    name: 'test.block',
    params: z.object({}),
    handle: (_p, call) => {
      blocked.resolve(call);
      return new Promise((resolve) => call.signal.addEventListener('abort', () => { released.resolve(String(call.signal.reason?.message)); resolve('aborted'); }));
    },
  }),
  defineMethod({
    name: 'test.stream',
    params: z.object({ count: z.number() }),
    handle: async (p, call) => {
      for (let i = 0; i < p.count; i += 1) call.peer.notify('test.chunk', { i });
      call.peer.notify('test.text', 'plain string');
      return { sent: p.count };
    },
  }),
];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orchestra-rpc-'));
  socketPath = join(dir, 's.sock');
  peers = [];
  clients = [];
  logged = [];
  blocked = deferred();
  released = deferred();
  const log = {
    warn: (message: string, fields?: Record<string, unknown>) => logged.push({ level: 'warn', message, fields }),
    error: (message: string, fields?: Record<string, unknown>) => logged.push({ level: 'error', message, fields }),
  };
  const byName = new Map(methods.map((m) => [m.name, m]));
  server = createServer((socket) => peers.push(serveConnection(socket, { id: peers.length + 1, methods: byName, log })));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterEach(async () => {
  for (const client of clients) client.close();
  for (const peer of peers) peer.end();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function connect(): Promise<DaemonClient> {
  const client = await DaemonClient.connect(socketPath, { timeoutMs: deadlineMs });
  clients.push(client);
  return client;
}

async function rejection(promise: Promise<unknown>): Promise<OrchestraError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OrchestraError);
  return error as OrchestraError;
}

describe('JSON-RPC between DaemonClient and serveConnection', () => {
  it('calls a method with validated, defaulted params and gets its result', async () => {
    const client = await connect();
    await expect(client.call('test.echo', { text: 'ab', times: 2 })).resolves.toEqual({ echoed: 'abab' });
    await expect(client.call('test.echo', { text: 'x' })).resolves.toEqual({ echoed: 'x' });
  });

  it('answers null for a handler that returns nothing, and treats missing params as {}', async () => {
    const client = await connect();
    await expect(client.call('test.nothing')).resolves.toBeNull();
  });

  it('carries an OrchestraError across with its code, message, hint, detail and location', async () => {
    const client = await connect();
    const error = await rejection(client.call('test.fail'));
    expect(error.code).toBe('E_TASK_NOT_FOUND');
    expect(error.message).toBe('no task "docs" in /p/.orchestra/tasks');
    expect(error.hint).toBe('List tasks with `orchestra status`.');
    expect(error.detail).toBe('3 | ---');
    expect(error.location).toEqual({ file: '/p/.orchestra/tasks/3:docs.md', line: 3, column: 1 });
  });

  it.each([
    ['a missing field', { times: 1 }, 'test.echo: params.text: expected string, received undefined'],
    ['a wrong type', { text: 5 }, 'test.echo: params.text: expected string, received number'],
    ['several problems at once', { text: 1, times: 0 }, 'test.echo: params.text: expected string, received number; params.times: too small: expected number to be >=1'],
    ['params that are not an object', 'text', 'test.echo: params: expected object, received string'],
  ])('rejects bad params (%s) as E_USAGE naming the method and field', async (_name, params, message) => {
    const client = await connect();
    const error = await rejection(client.call('test.echo', params));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe(message);
  });

  it('rejects an unknown method as E_USAGE with a did-you-mean and the list of methods', async () => {
    const client = await connect();
    const error = await rejection(client.call('test.ehco', {}));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe('unknown daemon method "test.ehco". Did you mean "test.echo"?');
    expect(error.hint).toContain('test.block, test.crash, test.echo');
  });

  it('turns any other throw into E_INTERNAL: message kept, stack only in the log', async () => {
    const client = await connect();
    const error = await rejection(client.call('test.crash'));
    expect(error.code).toBe('E_INTERNAL');
    expect(error.message).toBe('cannot read x of undefined');
    expect(error.detail).toBeUndefined();
    const entry = logged.find((e) => e.message === 'daemon method test.crash failed');
    expect(entry?.level).toBe('error');
    expect(String(entry?.fields?.stack)).toContain('TypeError: cannot read x of undefined');
  });

  it('streams notifications from a handler back to the caller, objects and plain values alike', async () => {
    const client = await connect();
    const chunks: unknown[] = [];
    client.onNotification('test.chunk', (p) => chunks.push(p));
    const text = deferred<unknown>();
    client.onNotification('test.text', text.resolve);
    await expect(client.call('test.stream', { count: 3 })).resolves.toEqual({ sent: 3 });
    await expect(within(text.promise, 'the text notification')).resolves.toBe('plain string');
    // Notifications are ordered on the socket, so the chunks came before the text.
    expect(chunks).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
  });

  it('delivers client notifications to the peer handler, until it unsubscribes', async () => {
    const client = await connect();
    await client.call('test.nothing');
    const peer = peers[0] as ConnectionPeer;
    const seen: unknown[] = [];
    const done = deferred<void>();
    const off = peer.onNotification('keys', (p) => seen.push(p));
    peer.onNotification('flush', () => done.resolve());
    client.notify('keys', { data: 'ls\r' });
    client.notify('keys', [1, 2]);
    client.notify('flush');
    await within(done.promise, 'the flush notification');
    expect(seen).toEqual([{ data: 'ls\r' }, [1, 2]]);
    off();
    const again = deferred<void>();
    peer.onNotification('flush2', () => again.resolve());
    client.notify('keys', { data: 'x' });
    client.notify('flush2');
    await within(again.promise, 'the second flush');
    expect(seen).toHaveLength(2);
  });

  it('aborts the handler signal when the client closes the connection, and runs peer onClose', async () => {
    const client = await connect();
    const pending = client.call('test.block');
    const call = await within(blocked.promise, 'the blocking call');
    const peerClosed = deferred<void>();
    call.peer.onClose(() => peerClosed.resolve());
    client.close();
    expect((await rejection(pending)).code).toBe('E_DAEMON');
    await expect(within(released.promise, 'the handler signal')).resolves.toBe('the client closed the connection');
    await within(peerClosed.promise, 'peer onClose');
    expect(call.peer.closed).toBe(true);
  });

  it('cancels a call when its AbortSignal fires: the caller gets the reason, the handler its signal', async () => {
    const client = await connect();
    const controller = new AbortController();
    const pending = client.call('test.block', {}, { signal: controller.signal });
    await within(blocked.promise, 'the blocking call');
    controller.abort(new Error('user pressed Ctrl-C'));
    await expect(pending).rejects.toThrow('user pressed Ctrl-C');
    await expect(within(released.promise, 'the handler signal')).resolves.toBe('the client cancelled the call');
    // The connection stays usable after a cancel.
    await expect(client.call('test.echo', { text: 'still here' })).resolves.toEqual({ echoed: 'still here' });
  });

  it('tells the client when the server side goes away, failing the pending call with E_DAEMON', async () => {
    const client = await connect();
    const closed = deferred<void>();
    client.onClose(() => closed.resolve());
    const pending = client.call('test.block');
    const call = await within(blocked.promise, 'the blocking call');
    (peers.find((p) => p.id === call.peer.id) as ConnectionPeer).end();
    await within(closed.promise, 'client onClose');
    const error = await rejection(pending);
    expect(error.code).toBe('E_DAEMON');
    expect(error.message).toBe('the daemon closed the connection before it answered.');
    expect(client.closed).toBe(true);
    expect((await rejection(client.call('test.echo', { text: 'x' }))).message).toBe('the connection to the daemon is closed so test.echo was not sent.');
  });

  it('fails to connect with E_DAEMON naming the socket', async () => {
    const missing = join(dir, 'none.sock');
    const error = await rejection(DaemonClient.connect(missing, { timeoutMs: 2_000 }));
    expect(error.code).toBe('E_DAEMON');
    expect(error.message).toBe(`cannot connect to the daemon at ${missing}: ENOENT`);
    expect(error.hint).toContain('orchestra daemon start');
  });
});
