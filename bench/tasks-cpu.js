// CPU per megabyte of agent output: every agent floods the same number of lines, once through the
// daemon and once through the tmux peer, and each side's server process is charged the CPU time
// the kernel counted for it (utime + stime) from before the flood until its last line is on screen.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectBenchDaemon, waitForTasks } from './tasks-daemon.js';
import { sendToPeer } from './tasks-tmux-peer.js';

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function processCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / clockTicks();
}

let ticksPerSecond;
function clockTicks() {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/**
 * Floods every agent with `lines` lines tagged `tag`; resolves with the daemon's CPU seconds for it.
 * Waits on the agents' done files first: asking the daemon (`task.list`) all along would charge it
 * for the asking.
 */
export async function floodDaemon(bench, client, daemonPid, refs, lines, tag) {
  const doneFiles = refs.map((ref) => doneFile(bench, `${tag}-${ref}`));
  const go = doneFile(bench, `${tag}-go`);
  // Typing the command takes an attach per agent (a screen each): done before the clock starts.
  const connection = await connectBenchDaemon(bench);
  try {
    for (const [i, ref] of refs.entries()) {
      await connection.call('task.attach', { project: bench.project, ref, cols: 100, rows: 30 });
      connection.notify('session.input', { data: `flood ${lines} ${tag} ${doneFiles[i]} ${go}\r` });
      await connection.call('task.detach', {});
    }
  } finally {
    connection.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = processCpuSeconds(daemonPid);
  writeFileSync(go, '');
  await waitForFiles(doneFiles);
  const done = new RegExp(`^flood done \\S+ ${tag}$`);
  await waitForTasks(client, bench.project, (tasks) => tasks.filter((t) => done.test(t.lastLine ?? '')).length >= refs.length, 300_000, 100);
  return processCpuSeconds(daemonPid) - before;
}

function doneFile(bench, name) {
  const dir = join(bench.root, 'flood-done');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

async function waitForFiles(files, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (!files.every((file) => existsSync(file))) {
    if (Date.now() > deadline) throw new Error(`the agents did not finish their flood: ${files.filter((file) => !existsSync(file)).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The same flood through the tmux peer's panes; resolves with the tmux server's CPU seconds. */
export async function floodPeer(bench, peer, serverPid, count, lines, tag) {
  const doneFiles = Array.from({ length: count }, (_, i) => doneFile(bench, `${tag}-peer-${i + 1}`));
  const go = doneFile(bench, `${tag}-peer-go`);
  for (let i = 1; i <= count; i++) sendToPeer(peer, `peer-${i}`, `flood ${lines} ${tag} ${doneFiles[i - 1]} ${go}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = processCpuSeconds(serverPid);
  writeFileSync(go, '');
  await waitForFiles(doneFiles);
  const deadline = Date.now() + 300_000;
  for (let i = 1; i <= count; i++) {
    const marker = `flood done peer-${i} ${tag}`;
    while (!execFileSync('tmux', ['-S', peer.socket, 'capture-pane', '-p', '-t', `peer-${i}`], { encoding: 'utf8' }).includes(marker)) {
      if (Date.now() > deadline) throw new Error(`tmux pane peer-${i} never showed "${marker}"`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return processCpuSeconds(serverPid) - before;
}

/** Bytes one agent prints for `flood <lines>` (bench/tasks-agent.mjs), for MB figures. */
export function floodBytes(name, lines, tag) {
  let bytes = 0;
  for (let i = 0; i < lines; i++) bytes += Buffer.byteLength(`${name} line ${i} ${'-'.repeat(60)}\r\n`);
  return bytes + Buffer.byteLength(`flood done ${name} ${tag}\r\n`);
}
