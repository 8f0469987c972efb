// CPU per megabyte of agent output: every agent floods the same number of lines, once through the
// daemon and once through the tmux peer, and each side's server process is charged the CPU time
// the kernel counted for it (utime + stime) from before the flood until its last line is on screen.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Floods every agent with `lines` lines tagged `tag`; resolves with the daemon's CPU seconds for it. */
export async function floodDaemon(bench, client, daemonPid, refs, lines, tag) {
  const before = processCpuSeconds(daemonPid);
  const connection = await connectBenchDaemon(bench);
  try {
    for (const ref of refs) {
      await connection.call('task.attach', { project: bench.project, ref, cols: 100, rows: 30 });
      connection.notify('session.input', { data: `flood ${lines} ${tag}\r` });
      await connection.call('task.detach', {});
    }
  } finally {
    connection.close();
  }
  const done = new RegExp(`^flood done \\S+ ${tag}$`);
  await waitForTasks(client, bench.project, (tasks) => tasks.filter((t) => done.test(t.lastLine ?? '')).length >= refs.length, 300_000, 250);
  return processCpuSeconds(daemonPid) - before;
}

/** The same flood through the tmux peer's panes; resolves with the tmux server's CPU seconds. */
export async function floodPeer(peer, serverPid, count, lines, tag) {
  const before = processCpuSeconds(serverPid);
  for (let i = 1; i <= count; i++) sendToPeer(peer, `peer-${i}`, `flood ${lines} ${tag}`);
  const deadline = Date.now() + 300_000;
  for (let i = 1; i <= count; i++) {
    const marker = `flood done peer-${i} ${tag}`;
    while (!execFileSync('tmux', ['-S', peer.socket, 'capture-pane', '-p', '-t', `peer-${i}`], { encoding: 'utf8' }).includes(marker)) {
      if (Date.now() > deadline) throw new Error(`tmux pane peer-${i} never showed "${marker}"`);
      await new Promise((resolve) => setTimeout(resolve, 250));
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
