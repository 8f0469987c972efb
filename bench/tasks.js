// `npm run bench` (after the engine benchmarks) or `npm run bench:tasks`: start 20 tasks (worktree,
// trivial setup, agent in a PTY) through the daemon, against the same 20 agents started the tmux
// way in the same run; the daemon's memory idle and with the agents; attach to first full frame.
// Then the CPU each side's server spends per megabyte of agent output (BENCH_CPU_MB in all, 40).
// Smaller or larger: BENCH_TASKS=5 npm run bench:tasks; BENCH_ATTACH_ROUNDS=9 for more attaches.
import { loadavg } from 'node:os';
import { connectBenchDaemon, daemonMemory, startBenchDaemon, stopBenchDaemon, waitForTasks } from './tasks-daemon.js';
import { floodBytes, floodDaemon, floodPeer } from './tasks-cpu.js';
import { cliFirstFrame, nodeFirstOutput, rpcFirstFrame, tmuxFirstFrame } from './tasks-attach.js';
import { createBenchProject } from './tasks-project.js';
import { createTasks, startTasks, waitForAgentsReady } from './tasks-start.js';
import { createPeer, peerServerMemory, sendToPeer, startPeerTasks, stopPeer } from './tasks-tmux-peer.js';

const COUNT = Number(process.env.BENCH_TASKS ?? 20);
const ATTACH_ROUNDS = Number(process.env.BENCH_ATTACH_ROUNDS ?? 5);
// Lines each agent prints to fill its screen mirror's scrollback (more than any mirror keeps).
const FLOOD_LINES = Number(process.env.BENCH_FLOOD_LINES ?? 2000);
// Megabytes all agents print together for the CPU comparison (the issue measured 40).
const CPU_MB = Number(process.env.BENCH_CPU_MB ?? 40);
const MB = 1024 * 1024;

const bench = createBenchProject();
const peer = createPeer(bench);
try {
  // Every number here moves with the machine's load (2 cores: a test run beside it doubles them).
  const load = loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`\nTasks: ${COUNT} agents through the orchestra daemon vs the same agents with git worktree + ${peer.kind} (load average ${load})`);
  const client = await startBenchDaemon(bench);
  try {
    await measure(client);
  } finally {
    client.close();
  }
} finally {
  await stopBenchDaemon(bench).catch((error) => console.error(`could not stop the benchmark's daemon: ${error.message}`));
  stopPeer(peer);
  bench.cleanup();
}

async function measure(client) {
  const refs = await createTasks(client, bench.project, COUNT);
  const idle = await daemonMemory(client);

  const peerMs = await startPeerTasks(bench, peer, COUNT);
  const { ms: oursMs, failures } = await startTasks(bench, refs);
  row(`start ${COUNT} tasks`, `${ms(oursMs)}   ${peer.kind} loop ${ms(peerMs)}   ratio ${(oursMs / peerMs).toFixed(2)}x the peer's time`, '< 5000 ms', oursMs < 5000 && failures.length === 0);
  if (failures.length > 0) console.log(`  ${failures.length} start(s) failed and were retried; the first: ${failures[0].message.split('\n').join(' | ')}`);

  await waitForAgentsReady(client, bench.project, COUNT);
  row('daemon memory idle', memory(idle), '', undefined);
  const busy = await daemonMemory(client);
  row(`daemon memory, ${COUNT} agents`, `${memory(busy)}${peerMemory(busy)}`, '< 80 MB', busy.rss < 80 * MB);

  const floorRuns = await allRounds(() => nodeFirstOutput(bench));
  const floor = { ms: median(floorRuns.map((run) => run.ms)), cpuMs: median(floorRuns.map((run) => run.cpuMs)) };
  await attachRows('attach first frame', refs[0], 'bench agent bench-1 ready', 'bench agent peer-1 ready', floor);

  // Real agents print far more than one line: fill every mirror's scrollback, weigh and attach again.
  await floodAgents(client, refs);
  const full = await daemonMemory(client);
  row(`daemon memory, ${COUNT} full mirrors`, `${memory(full)}${peerMemory(full)}`, '< 80 MB', full.rss < 80 * MB);
  await attachRows('attach, full scrollback', refs[0], 'flood done bench-1', 'flood done peer-1', floor);

  await cpuRow(client, full.pid, refs);
}

/** Daemon CPU seconds per MB of agent output against the tmux server's for the same output. */
async function cpuRow(client, daemonPid, refs) {
  // ~83 bytes a line: the lines each agent prints so that all of them print CPU_MB together.
  const lines = Math.max(1, Math.round((CPU_MB * MB) / refs.length / 83));
  const ourBytes = refs.reduce((sum, _ref, i) => sum + floodBytes(`bench-${i + 1}`, lines, 'cpu'), 0);
  const ours = (await floodDaemon(bench, client, daemonPid, refs, lines, 'cpu')) / (ourBytes / MB);
  const peerPid = peerServerMemory(peer)?.pid;
  const peerBytes = refs.reduce((sum, _ref, i) => sum + floodBytes(`peer-${i + 1}`, lines, 'cpu'), 0);
  const tmux = peerPid === undefined ? undefined : (await floodPeer(bench, peer, peerPid, refs.length, lines, 'cpu')) / (peerBytes / MB);
  const perMb = (seconds) => `${(seconds * 1000).toFixed(0)} ms/MB`;
  const versus = tmux === undefined ? '' : `   tmux server ${perMb(tmux)}   ratio ${(ours / tmux).toFixed(2)}x the peer's`;
  row(`daemon CPU per MB of output`, `${perMb(ours)} (${(ourBytes / MB).toFixed(1)} MB)${versus}`, '< 1.5x tmux', tmux === undefined ? undefined : ours / tmux < 1.5);
}

/** First frame over the socket, then as a user sees it (`orchestra attach` in a PTY) against `tmux attach`. */
async function attachRows(name, ref, marker, peerMarker, floor) {
  const rpc = await rounds(() => rpcFirstFrame(bench, ref, marker));
  const cliRuns = await allRounds(() => cliFirstFrame(bench, ref, marker));
  const cli = median(cliRuns.map((run) => run.ms));
  const tmux = peer.tmux ? await rounds(async () => (await tmuxFirstFrame(peer, 'peer-1', peerMarker)).ms) : undefined;
  const versus = tmux === undefined ? '' : `   tmux attach ${ms(tmux)}   ratio ${(cli / tmux).toFixed(1)}x the peer's time`;
  row(`${name} (cli)`, `${ms(cli)}${versus}   [node's own start ${ms(floor.ms)}; task.attach ${ms(rpc)}]`, '< 100 ms', cli < 100);
  // Under load wall times stretch; CPU time until the frame shows what attach itself costs over node's start.
  const cpu = median(cliRuns.map((run) => run.cpuMs));
  row(`${name} (cli CPU time)`, `${ms(cpu)}   node's own start ${ms(floor.cpuMs)}   ratio ${(cpu / floor.cpuMs).toFixed(2)}x node's`, '', undefined);
}

async function floodAgents(client, refs) {
  const connection = await connectBenchDaemon(bench);
  try {
    for (const ref of refs) {
      await connection.call('task.attach', { project: bench.project, ref, cols: 100, rows: 30 });
      connection.notify('session.input', { data: `flood ${FLOOD_LINES}\r` });
      await connection.call('task.detach', {});
    }
  } finally {
    connection.close();
  }
  for (let i = 1; i <= refs.length; i++) sendToPeer(peer, `peer-${i}`, `flood ${FLOOD_LINES}`);
  await waitForTasks(client, bench.project, (tasks) => tasks.filter((t) => /^flood done/.test(t.lastLine ?? '')).length >= refs.length);
}

/** The median of BENCH_ATTACH_ROUNDS runs, one after the other. */
async function rounds(measureOnce) {
  return median(await allRounds(measureOnce));
}

async function allRounds(measureOnce) {
  const results = [];
  for (let i = 0; i < ATTACH_ROUNDS; i++) results.push(await measureOnce());
  return results;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** tmux keeps every pane's screen and history in its server, as the daemon keeps the mirrors. */
function peerMemory(ours) {
  const tmux = peerServerMemory(peer);
  return tmux === undefined ? '' : `   tmux server ${mb(tmux.rss)} RSS   ratio ${(ours.rss / tmux.rss).toFixed(1)}x the peer's`;
}

function row(name, value, target, pass) {
  const verdict = pass === undefined ? '' : pass ? ' OK' : ' BELOW TARGET';
  console.log(`${name.padEnd(34)} ${value}${target ? `   (target ${target})` : ''}${verdict}`);
}

/** RSS is what the target counts; most of the rest is node's own binary, shared with every node process. */
function memory(m) {
  return `${mb(m.rss)} RSS (private ${mb(m.private)}, peak ${mb(m.peak)})`;
}

function ms(value) {
  return `${value.toFixed(0)} ms`;
}

function mb(bytes) {
  return `${(bytes / MB).toFixed(1)} MB`;
}
