// The benchmark's own daemon, started the way the CLI starts it (daemonCommand(): same node
// flags), and its memory as the kernel sees it.
import { readFileSync } from 'node:fs';
import { daemonCommand } from '../dist/cli/daemon-connection.js';
import { daemonPaths, ensureDaemon, stopDaemon } from '../dist/server/daemon/index.js';
import { DaemonClient } from '../dist/server/rpc/index.js';

export async function startBenchDaemon(bench) {
  const { client } = await ensureDaemon({ home: bench.home, command: daemonCommand(), env: bench.env });
  return client;
}

export function connectBenchDaemon(bench) {
  return DaemonClient.connect(daemonPaths(bench.home).socket, { timeoutMs: 10_000 });
}

export function stopBenchDaemon(bench) {
  return stopDaemon({ home: bench.home, timeoutMs: 20_000 });
}

/** The daemon's resident, private and peak memory in bytes, from its pid as `daemon.ping` gives it. */
export async function daemonMemory(client) {
  const ping = await client.call('daemon.ping', {});
  return { pid: ping.pid, ...processMemory(ping.pid) };
}

export function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (text, key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb(status, 'VmRSS'), peak: kb(status, 'VmHWM'), private: kb(rollup, 'Private_Clean') + kb(rollup, 'Private_Dirty') };
}

/** Polls `task.list` until `accept(tasks)` holds; the daemon offers no event for "all quiet". */
export async function waitForTasks(client, project, accept, timeoutMs = 60_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { tasks } = await client.call('task.list', { project });
    if (accept(tasks)) return tasks;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the tasks; last seen:\n${tasks.map((t) => `${t.id} ${t.status} ${t.lastLine ?? ''}`).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
