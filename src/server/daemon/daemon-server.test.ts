import { link, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OrchestraError } from '../../core/errors.js';
import { DaemonClient, defineMethod } from '../rpc/index.js';
import type { DaemonPing } from './builtin-methods.js';
import { createDaemonLog, type DaemonLog } from './daemon-log.js';
import { daemonPaths } from './daemon-paths.js';
import { startDaemonServer, type DaemonServer } from './daemon-server.js';
import { stopDaemon } from './daemon-lifecycle.js';

const deadlineMs = 15_000;

let home: string;
let log: DaemonLog;
let servers: DaemonServer[];
let clients: DaemonClient[];

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'orchestra-daemon-'));
  log = createDaemonLog(daemonPaths(home).logFile);
  servers = [];
  clients = [];
});

afterEach(async () => {
  for (const client of clients) client.close();
  await Promise.all(servers.map((s) => s.close()));
  log.close();
  const { socketDir } = daemonPaths(home);
  await rm(home, { recursive: true, force: true });
  if (!socketDir.startsWith(home)) await rm(socketDir, { recursive: true, force: true });
});

const hello = defineMethod({ name: 'test.hello', params: z.object({ name: z.string() }), handle: async (p) => `hello ${p.name}` });

async function start(o: { onShutdownRequest?: () => void; home?: string } = {}): Promise<DaemonServer> {
  const server = await startDaemonServer({ home: o.home ?? home, methods: [hello], log, onShutdownRequest: o.onShutdownRequest, version: '9.9.9' });
  servers.push(server);
  return server;
}

async function connect(socketPath = daemonPaths(home).socket): Promise<DaemonClient> {
  const client = await DaemonClient.connect(socketPath, { timeoutMs: deadlineMs });
  clients.push(client);
  return client;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

describe('startDaemonServer', () => {
  it('serves registered and built-in methods on a 0600 socket inside a 0700 dir, with a pid file', async () => {
    const server = await start();
    const paths = daemonPaths(home);
    expect(server.socketPath).toBe(paths.socket);
    expect((await stat(paths.socket)).isSocket()).toBe(true);
    expect((await stat(paths.socket)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.dir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(paths.pidFile, 'utf8'))).toEqual({ pid: process.pid, startedAt: expect.any(String), version: '9.9.9' });

    const client = await connect();
    await expect(client.call('test.hello', { name: 'ann' })).resolves.toBe('hello ann');
    const ping = await client.call<DaemonPing>('daemon.ping');
    expect(ping).toEqual({
      pid: process.pid,
      version: '9.9.9',
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      uptimeMs: expect.any(Number),
      rssBytes: expect.any(Number),
      heapUsedBytes: expect.any(Number),
      peers: 1,
    });
    expect(ping.rssBytes).toBeGreaterThan(ping.heapUsedBytes);
    expect(server.peers).toBe(1);
  });

  it('refuses a second server on the same home, naming the running pid', async () => {
    await start();
    const error = await start().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OrchestraError);
    expect((error as OrchestraError).code).toBe('E_DAEMON');
    expect((error as OrchestraError).message).toBe(`a daemon already runs (pid ${process.pid}) on ${daemonPaths(home).socket}`);
    // The first one is untouched.
    await expect((await connect()).call('test.hello', { name: 'still' })).resolves.toBe('hello still');
  });

  it('lets exactly one of several servers started at once claim the home', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => start()));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as OrchestraError).code).toBe('E_DAEMON');
    await expect((await connect()).call('test.hello', { name: 'one' })).resolves.toBe('hello one');
  });

  it('replaces a stale socket left by a daemon that died', async () => {
    const paths = daemonPaths(home);
    // A socket file with no listener: bind elsewhere, hard-link it into place, stop listening.
    const dead = createServer();
    const other = join(home, 'dead.sock');
    await new Promise<void>((resolve) => dead.listen(other, resolve));
    await link(other, paths.socket);
    await new Promise((resolve) => dead.close(resolve));
    expect((await stat(paths.socket)).isSocket()).toBe(true);
    await expect(DaemonClient.connect(paths.socket, { timeoutMs: deadlineMs })).rejects.toThrow(/ECONNREFUSED$/);

    await start();
    await expect((await connect()).call('test.hello', { name: 'new' })).resolves.toBe('hello new');
  });

  it('close() ends every client, then removes the socket and the pid file', async () => {
    const server = await start();
    const paths = daemonPaths(home);
    const client = await connect();
    await client.call('daemon.ping');
    let clientSawClose = false;
    client.onClose(() => (clientSawClose = true));
    await server.close();
    await until(() => clientSawClose, 'the client to see the close');
    expect(await exists(paths.socket)).toBe(false);
    expect(await exists(paths.pidFile)).toBe(false);
    expect(server.peers).toBe(0);
    // Nothing of it is left behind: a new server can start on the same home.
    await start();
  });

  it('answers daemon.shutdown, then calls onShutdownRequest', async () => {
    let requested = 0;
    await start({ onShutdownRequest: () => (requested += 1) });
    const client = await connect();
    await expect(client.call('daemon.shutdown')).resolves.toEqual({ ok: true });
    await until(() => requested === 1, 'onShutdownRequest');
  });

  it('closes itself on daemon.shutdown when nobody handles it; stopDaemon never signals its own process', async () => {
    const server = await start();
    await expect(stopDaemon({ home, timeoutMs: deadlineMs })).resolves.toEqual({ wasRunning: true, pid: process.pid });
    await until(async () => !(await exists(server.socketPath)), 'the socket to be removed');
  });

  it('refuses two methods with the same name', async () => {
    const error = await startDaemonServer({ home, methods: [hello, hello], log }).then(() => undefined, (e: unknown) => e);
    expect((error as OrchestraError).code).toBe('E_INTERNAL');
    expect((error as OrchestraError).message).toBe('daemon method test.hello is registered twice');
    expect(await exists(daemonPaths(home).socket)).toBe(false);
  });

  it('puts the socket in a private temp dir when the home is too deep for a Unix socket path', async () => {
    const deep = join(home, 'a'.repeat(60), 'b'.repeat(40));
    const paths = daemonPaths(deep);
    expect(paths.socket.startsWith(tmpdir())).toBe(true);
    try {
      await start({ home: deep });
      expect((await stat(paths.socketDir)).mode & 0o777).toBe(0o700);
      expect((await stat(paths.socket)).mode & 0o777).toBe(0o600);
      await expect((await connect(paths.socket)).call('test.hello', { name: 'deep' })).resolves.toBe('hello deep');
    } finally {
      await Promise.all(servers.splice(0).map((s) => s.close()));
      await rm(paths.socketDir, { recursive: true, force: true });
    }
  });

  it('writes what happened to the daemon log', async () => {
    const server = await start();
    await server.close();
    const text = await readFile(daemonPaths(home).logFile, 'utf8');
    expect(text).toMatch(/^\S+Z INFO daemon listening \{"socket":".*daemon\.sock","pid":\d+,"version":"9\.9\.9"\}$/m);
    expect(text).toMatch(/^\S+Z INFO daemon stopped \{"pid":\d+\}$/m);
  });
});
