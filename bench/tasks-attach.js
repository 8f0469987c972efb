// Attach to a running agent and time the first full frame: over the daemon's socket (a fresh
// connection sending `task.attach` until the screen answers), and as a user sees it (`orchestra
// attach` in a real PTY until the agent's line is drawn). The peer: `tmux attach` in a PTY.
import { execFileSync } from 'node:child_process';
import pty from 'node-pty';
import { processCpuSeconds } from './tasks-cpu.js';
import { connectBenchDaemon } from './tasks-daemon.js';
import { orchestraBin } from './tasks-project.js';

const size = { cols: 100, rows: 30 };

/** ms from sending `task.attach` (the connection already open) to the answer holding the agent's line. */
export async function rpcFirstFrame(bench, ref, marker) {
  const client = await connectBenchDaemon(bench);
  try {
    const began = performance.now();
    const answer = await client.call('task.attach', { project: bench.project, ref, ...size });
    const ms = performance.now() - began;
    if (!answer.screen.includes(marker)) throw new Error(`the attach screen lacks "${marker}": ${JSON.stringify(answer.screen)}`);
    await client.call('task.detach', {});
    return ms;
  } finally {
    client.close();
  }
}

/** { ms, cpuMs } from spawning `orchestra attach <ref>` in a PTY to the agent's line on its terminal; detaches with Ctrl-]. */
export function cliFirstFrame(bench, ref, marker) {
  return timeFirstFrame(process.execPath, [orchestraBin, 'attach', ref], { cwd: bench.project, env: bench.env }, marker, '\u001d');
}

/** The same for `tmux attach -t <session>`; detached from outside (`detach-client`), as typed keys may meet tmux's terminal queries. */
export function tmuxFirstFrame(peer, session, marker) {
  const detach = () => execFileSync('tmux', ['-S', peer.socket, 'detach-client', '-s', session]);
  return timeFirstFrame('tmux', ['-S', peer.socket, 'attach-session', '-t', session], { cwd: peer.cwd, env: peer.env }, marker, detach);
}

/** The floor under any CLI: ms from spawning `node` in a PTY to its first output. */
export function nodeFirstOutput(bench) {
  const script = "process.stdout.write('node is up\\n'); setInterval(() => {}, 1e6);";
  return timeFirstFrame(process.execPath, ['-e', script], { cwd: bench.project, env: bench.env }, 'node is up', (child) => child.kill('SIGKILL'));
}

function cpuMsOf(pid) {
  try {
    return processCpuSeconds(pid) * 1000;
  } catch {
    return NaN; // tmux attach's client may have handed over already
  }
}

/** Resolves with { ms, cpuMs }: wall time to the marker and the process's CPU time by then. */
function timeFirstFrame(command, args, options, marker, detach) {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = pty.spawn(command, args, { ...options, ...size, name: 'xterm-256color' });
    let text = '';
    let ms;
    let cpuMs;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not show "${marker}" within 30 s; it showed:\n${text}`));
    }, 30_000);
    child.onData((data) => {
      text += data;
      if (ms !== undefined || !text.includes(marker)) return;
      ms = performance.now() - began;
      // CPU time the process spent until its first frame: the machine's load hardly moves it.
      cpuMs = cpuMsOf(child.pid);
      if (typeof detach === 'string') child.write(detach);
      else detach(child);
    });
    child.onExit(({ exitCode }) => {
      clearTimeout(timer);
      if (ms === undefined) reject(new Error(`${command} ${args.join(' ')} exited (${exitCode}) before showing "${marker}":\n${text}`));
      else resolve({ ms, cpuMs });
    });
  });
}
