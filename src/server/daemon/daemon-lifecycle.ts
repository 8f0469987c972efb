import { rm } from 'node:fs/promises';
import { DaemonClient } from '../rpc/client.js';
import type { DaemonPing } from './builtin-methods.js';
import { daemonPaths } from './daemon-paths.js';
import { readHttpFile } from './http-file.js';
import { readPidFile } from './pid-file.js';
import { isProcessAlive, waitForExit } from './process-alive.js';
import { probeSocket } from './socket-probe.js';
import { spawnDaemon } from './spawn-daemon.js';

const probeTimeoutMs = 2_000;

/**
 * A client of the home's daemon, starting it first when nothing answers. `command` runs the daemon
 * (e.g. `[process.execPath, '/abs/bin/orchestra.js', 'daemon', 'run']`) with ORCHESTRA_HOME set to
 * `home`. When several CLIs race, each may spawn one, but only one claims the socket; the others
 * exit and their CLIs connect to the winner (`started` is true only for the winner's CLI).
 */
export async function ensureDaemon(o: {
  home: string;
  command: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<{ client: DaemonClient; started: boolean }> {
  const paths = daemonPaths(o.home);
  const running = await DaemonClient.connect(paths.socket, { timeoutMs: probeTimeoutMs }).catch(() => undefined);
  if (running) return { client: running, started: false };
  const { client, won } = await spawnDaemon(paths, {
    home: o.home,
    command: o.command,
    env: o.env ?? process.env,
    timeoutMs: o.timeoutMs ?? 15_000,
  });
  return { client, started: won };
}

/**
 * Asks the daemon to shut down and waits until its process is gone; SIGTERM, then SIGKILL, if it
 * does not go in time. Signals are sent only to a pid the live socket vouched for (by ping, or the
 * pid file while that socket answers): a pid file alone may name a reused pid.
 */
export async function stopDaemon(o: { home: string; timeoutMs?: number }): Promise<{ wasRunning: boolean; pid?: number }> {
  const paths = daemonPaths(o.home);
  const timeoutMs = o.timeoutMs ?? 10_000;
  const client = await DaemonClient.connect(paths.socket, { timeoutMs: probeTimeoutMs }).catch(() => undefined);
  if (!client) {
    await removeIfStale(paths.socket);
    return { wasRunning: false };
  }
  let pid = readPidFile(paths.pidFile)?.pid;
  try {
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs / 2)));
    pid = (await client.call<DaemonPing>('daemon.ping', {}, { signal })).pid;
    await client.call('daemon.shutdown', {}, { signal });
  } catch {
    // A hung daemon or one that closed mid-answer: the exit wait and the signals below decide.
  } finally {
    client.close();
  }
  // An in-process server (tests, embedders) shares our pid: never wait for or signal ourselves.
  if (pid === undefined || pid === process.pid) return { wasRunning: true, pid };
  if (!(await waitForExit(pid, timeoutMs))) {
    signalIfAlive(pid, 'SIGTERM');
    if (!(await waitForExit(pid, timeoutMs / 2))) {
      signalIfAlive(pid, 'SIGKILL');
      await waitForExit(pid, timeoutMs / 2);
    }
  }
  // A daemon stopped by a signal could not clean up after itself.
  await removeIfStale(paths.socket);
  if (readPidFile(paths.pidFile)?.pid === pid) await rm(paths.pidFile, { force: true });
  return { wasRunning: true, pid };
}

export type DaemonStatus =
  | { running: false }
  | {
      running: true;
      pid: number;
      version: string;
      startedAt: string;
      uptimeMs: number;
      rssBytes: number;
      socket: string;
      url?: string;
      /** Why there is no `url`: the HTTP API failed to start (`off`, with `httpError`) or is still starting past the wait. */
      http?: 'starting' | 'off';
      httpError?: string;
    };

/**
 * What `orchestra daemon status` shows, from `daemon.ping`; never starts a daemon. A daemon whose
 * HTTP API is still starting (it starts once the socket is owned, so a command that has just started
 * the daemon asks in that moment) is waited for, up to `httpWaitMs`, so the status has its URL.
 */
export async function daemonStatus(o: { home: string; httpWaitMs?: number }): Promise<DaemonStatus> {
  const paths = daemonPaths(o.home);
  const client = await DaemonClient.connect(paths.socket, { timeoutMs: probeTimeoutMs }).catch(() => undefined);
  if (!client) return { running: false };
  try {
    const waitForHttpMs = o.httpWaitMs ?? 15_000;
    const ping = await client.call<DaemonPing>('daemon.ping', { waitForHttpMs }, { signal: AbortSignal.timeout(waitForHttpMs + 5_000) });
    const base = { running: true as const, pid: ping.pid, version: ping.version, startedAt: ping.startedAt, uptimeMs: ping.uptimeMs, rssBytes: ping.rssBytes, socket: paths.socket };
    if (ping.http?.state === 'listening') return { ...base, url: ping.http.url };
    if (ping.http?.state === 'off') return { ...base, http: 'off', httpError: ping.http.error };
    if (ping.http?.state === 'starting') return { ...base, http: 'starting' };
    // A daemon that does not say (an older version): the URL it wrote, if the file is its own.
    const http = readHttpFile(paths.httpFile);
    return http?.pid === ping.pid ? { ...base, url: http.url } : base;
  } finally {
    client.close();
  }
}

async function removeIfStale(socketPath: string): Promise<void> {
  if ((await probeSocket(socketPath)) === 'stale') await rm(socketPath, { force: true });
}

function signalIfAlive(pid: number, signal: NodeJS.Signals): void {
  if (!isProcessAlive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Gone between the check and the signal.
  }
}
