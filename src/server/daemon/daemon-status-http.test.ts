import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonLog, type DaemonLog } from './daemon-log.js';
import { daemonStatus } from './daemon-lifecycle.js';
import { daemonPaths } from './daemon-paths.js';
import { startDaemonServer, type DaemonServer } from './daemon-server.js';
import { httpStateCell, type HttpStateCell } from './http-state.js';
import { writeHttpFile } from './http-file.js';

// `orchestra daemon status` and the daemon's HTTP API (issue 15): the daemon answers on its socket
// before its HTTP API listens (that starts once the socket is owned), so a status asked in that
// moment (right after a command started the daemon) used to say "running" with no URL.

let home: string;
let log: DaemonLog;
let server: DaemonServer | undefined;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'orchestra-status-http-'));
  log = createDaemonLog(daemonPaths(home).logFile);
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  log.close();
  await rm(home, { recursive: true, force: true });
});

/** An in-process daemon whose HTTP API state the test sets; `asked` resolves when a ping waits on it. */
async function startWith(http: HttpStateCell): Promise<{ asked: Promise<number> }> {
  let asked!: (waitMs: number) => void;
  const waited = new Promise<number>((resolve) => (asked = resolve));
  const watched: HttpStateCell = { ...http, settled: (waitMs) => (asked(waitMs), http.settled(waitMs)) };
  server = await startDaemonServer({ home, methods: [], log, http: watched });
  return { asked: waited };
}

describe('issue 15: daemon status while the HTTP API starts', () => {
  it('issue 15: a status asked while the HTTP API starts waits for it and has its URL', async () => {
    const http = httpStateCell();
    const { asked } = await startWith(http);
    const status = daemonStatus({ home });
    expect(await asked).toBeGreaterThan(0);
    http.set({ state: 'listening', url: 'http://127.0.0.1:4999' });
    expect(await status).toMatchObject({ running: true, pid: process.pid, url: 'http://127.0.0.1:4999' });
  });

  it('issue 15: a stale http.json of the same pid is not taken for the URL of an API still starting; past the wait the status says starting', async () => {
    await writeHttpFile(daemonPaths(home).httpFile, { url: 'http://127.0.0.1:1', pid: process.pid });
    await startWith(httpStateCell());
    const status = await daemonStatus({ home, httpWaitMs: 20 });
    expect(status).toMatchObject({ running: true, http: 'starting' });
    expect(status).not.toHaveProperty('url');
  });

  it('issue 15: an HTTP API that failed to start is reported as off with its error, at once', async () => {
    const http = httpStateCell();
    http.set({ state: 'off', error: 'listen EADDRINUSE 127.0.0.1:4777' });
    await startWith(http);
    expect(await daemonStatus({ home })).toMatchObject({ running: true, http: 'off', httpError: 'listen EADDRINUSE 127.0.0.1:4777' });
  });
});
