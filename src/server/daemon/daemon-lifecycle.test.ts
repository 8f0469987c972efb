import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrchestraError } from '../../core/errors.js';
import type { DaemonClient } from '../rpc/index.js';
import type { DaemonPing } from './builtin-methods.js';
import { daemonStatus, ensureDaemon, stopDaemon } from './daemon-lifecycle.js';
import { daemonPaths } from './daemon-paths.js';
import { isProcessAlive, waitForExit } from './process-alive.js';

const fixture = fileURLToPath(new URL('./testing/fixture-daemon.mjs', import.meta.url));
const builtDaemon = fileURLToPath(new URL('../../../dist/server/daemon/index.js', import.meta.url));
const deadlineMs = 20_000;
const hasProc = existsSync('/proc/self/cmdline');

let home: string;
let clients: DaemonClient[];

/** argv for the fixture; the home rides along as an argument so leftover processes can be found. */
function command(): string[] {
  return [process.execPath, fixture, '--test-home', home];
}

/** Live fixture daemons of this test's home, found by their argv (Linux /proc). */
function fixturePids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (argv.includes(fixture) && argv.includes(home) && isProcessAlive(Number(name))) pids.push(Number(name));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function ensure(env: NodeJS.ProcessEnv = process.env): Promise<{ client: DaemonClient; started: boolean }> {
  const result = await ensureDaemon({ home, command: command(), env, timeoutMs: deadlineMs });
  clients.push(result.client);
  return result;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

beforeAll(() => {
  if (!existsSync(builtDaemon)) throw new Error(`${builtDaemon} is missing: build first with \`npx tsc -p tsconfig.build.json\` (npm test does).`);
});

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'orchestra-lifecycle-'));
  clients = [];
});

afterEach(async () => {
  for (const client of clients) client.close();
  if (hasProc) {
    for (const pid of fixturePids()) process.kill(pid, 'SIGKILL');
    await until(() => fixturePids().length === 0, 'the fixture daemons to exit');
  }
  await rm(home, { recursive: true, force: true });
});

describe('ensureDaemon', () => {
  it('starts a detached daemon when none runs, and reuses it afterwards', async () => {
    const first = await ensure();
    expect(first.started).toBe(true);
    const ping = await first.client.call<DaemonPing>('daemon.ping');
    expect(ping.pid).not.toBe(process.pid);
    expect(isProcessAlive(ping.pid)).toBe(true);
    // Detached: its own session and process group, so a terminal's Ctrl-C or hangup does not reach it.
    if (hasProc) {
      const stat = readFileSync(`/proc/${ping.pid}/stat`, 'utf8');
      const [, , pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      expect(Number(pgrp)).toBe(ping.pid);
      expect(Number(session)).toBe(ping.pid);
    }

    const second = await ensure();
    expect(second.started).toBe(false);
    expect((await second.client.call<DaemonPing>('daemon.ping')).pid).toBe(ping.pid);
  });

  it.skipIf(!hasProc)('issue 12: runs in its home, not in the folder it was started from (an agent\'s task worktree, which a merge deletes)', async () => {
    const { client } = await ensure();
    const { pid } = await client.call<DaemonPing>('daemon.ping');
    expect(readlinkSync(`/proc/${pid}/cwd`)).toBe(realpathSync(home));
  });

  it('ends with one daemon when three callers race to start it', async () => {
    const results = await Promise.all([ensure(), ensure(), ensure()]);
    const pids = await Promise.all(results.map((r) => r.client.call<DaemonPing>('daemon.ping').then((p) => p.pid)));
    expect(new Set(pids).size).toBe(1);
    expect(results.filter((r) => r.started)).toHaveLength(1);
    // The losers' daemons found the winner's socket and exited.
    if (hasProc) await until(() => fixturePids().length === 1 && fixturePids()[0] === pids[0], 'one fixture daemon to remain');
  });

  it('starts a fresh daemon after the old one was killed with -9, replacing its stale socket', async () => {
    const { client } = await ensure();
    const { pid } = await client.call<DaemonPing>('daemon.ping');
    process.kill(pid, 'SIGKILL');
    expect(await waitForExit(pid, deadlineMs)).toBe(true);
    expect(await exists(daemonPaths(home).socket)).toBe(true);

    const again = await ensure();
    expect(again.started).toBe(true);
    const fresh = await again.client.call<DaemonPing>('daemon.ping');
    expect(fresh.pid).not.toBe(pid);
  });

  it('reports a daemon that exits at once as E_DAEMON with the tail of its log', async () => {
    const error = await ensureDaemon({
      home,
      command: [process.execPath, '-e', 'console.error("cannot open the state dir: EACCES"); process.exit(3)'],
      timeoutMs: deadlineMs,
    }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OrchestraError);
    expect((error as OrchestraError).code).toBe('E_DAEMON');
    expect((error as OrchestraError).message).toBe('the daemon did not start: it exited (code 3) before its socket answered');
    expect((error as OrchestraError).detail).toContain('cannot open the state dir: EACCES');
    expect((await stat(daemonPaths(home).logFile)).mode & 0o777).toBe(0o600);
  });

  it('reports a command that cannot be run at all', async () => {
    const error = await ensureDaemon({ home, command: [join(home, 'no-such-binary')], timeoutMs: deadlineMs }).then(() => undefined, (e: unknown) => e);
    expect((error as OrchestraError).code).toBe('E_DAEMON');
    expect((error as OrchestraError).message).toMatch(/^the daemon did not start: it (could not be started: spawn .*ENOENT|exited \(code -2\) before its socket answered)$/);
  });
});

describe('stopDaemon', () => {
  it('shuts the daemon down, waits for its process to go, and leaves no socket or pid file', async () => {
    const { client } = await ensure();
    const { pid } = await client.call<DaemonPing>('daemon.ping');
    await expect(stopDaemon({ home, timeoutMs: deadlineMs })).resolves.toEqual({ wasRunning: true, pid });
    expect(isProcessAlive(pid)).toBe(false);
    expect(await exists(daemonPaths(home).socket)).toBe(false);
    expect(await exists(daemonPaths(home).pidFile)).toBe(false);
    await expect(stopDaemon({ home })).resolves.toEqual({ wasRunning: false });
  });

  it('falls back to signals for a daemon that ignores the shutdown request, then cleans up after it', async () => {
    const { client } = await ensure({ ...process.env, FIXTURE_IGNORE_STOP: '1' });
    const { pid } = await client.call<DaemonPing>('daemon.ping');
    await expect(stopDaemon({ home, timeoutMs: 1_000 })).resolves.toEqual({ wasRunning: true, pid });
    expect(isProcessAlive(pid)).toBe(false);
    expect(await exists(daemonPaths(home).socket)).toBe(false);
    expect(await exists(daemonPaths(home).pidFile)).toBe(false);
  });

  it('clears a stale socket without signalling anyone when the daemon is already dead', async () => {
    const { client } = await ensure();
    const { pid } = await client.call<DaemonPing>('daemon.ping');
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, deadlineMs);
    await expect(stopDaemon({ home })).resolves.toEqual({ wasRunning: false });
    expect(await exists(daemonPaths(home).socket)).toBe(false);
  });
});

describe('daemonStatus', () => {
  it('says not running, then describes the running daemon, without starting one', async () => {
    await expect(daemonStatus({ home })).resolves.toEqual({ running: false });
    expect(await exists(daemonPaths(home).socket)).toBe(false);
    const { client } = await ensure();
    const { pid } = await client.call<DaemonPing>('daemon.ping');
    await expect(daemonStatus({ home })).resolves.toEqual({
      running: true,
      pid,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      uptimeMs: expect.any(Number),
      rssBytes: expect.any(Number),
      socket: daemonPaths(home).socket,
    });
  });
});

describe('a client of a daemon process', () => {
  it('sees onClose and fails its pending calls when the daemon is killed', async () => {
    const { client } = await ensure();
    const { pid } = await client.call<DaemonPing>('daemon.ping');
    let closed = false;
    client.onClose(() => (closed = true));
    process.kill(pid, 'SIGKILL');
    await until(() => closed, 'the client to see the daemon go');
    const error = await client.call('daemon.ping').then(() => undefined, (e: unknown) => e);
    expect((error as OrchestraError).code).toBe('E_DAEMON');
  });
});
