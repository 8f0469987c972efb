import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { isLiveState, readProcStat } from '../../src/sessions/proc-stat.js';
import { fakeAgentPath, type TaskProject } from './task-project.js';

/** One live process, named by pid AND start time: a pid alone may be reused by the time we look. */
export interface ProcessId {
  pid: number;
  startTime: string;
  argv: string[];
}

/** Whether that very process (same pid, same start time) still runs; a zombie counts as gone. */
export function isAlive(proc: { pid: number; startTime: string }): boolean {
  const stat = readProcStat(proc.pid);
  return stat !== undefined && isLiveState(stat.state) && stat.startTime === proc.startTime;
}

/**
 * The live fake agents of one TaskProject and the children they spawned (`--spawn-child`), read
 * from /proc: a process counts when it runs inside the project's temp dir (worktrees live under its
 * ORCHESTRA_HOME) and its argv is the fake agent's or its sleeper child's. Other tests' agents run
 * elsewhere, so they never count.
 */
export function agentProcesses(project: TaskProject): ProcessId[] {
  const found: ProcessId[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      if (!readlinkSync(`/proc/${pid}/cwd`).startsWith(project.root)) continue;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const isAgent = argv[1] === fakeAgentPath;
      const isChild = argv[1] === '-e' && (argv[2] ?? '').includes('setInterval');
      const stat = readProcStat(pid);
      if ((isAgent || isChild) && stat !== undefined && isLiveState(stat.state)) found.push({ pid, startTime: stat.startTime, argv });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Resolves once `condition` holds; for process and file states that raise no event. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The daemon's pid and start time, from `orchestra daemon status --json` and /proc. */
export async function daemonProcess(project: TaskProject): Promise<{ pid: number; startTime: string }> {
  const status = await project.bin(['daemon', 'status', '--json']);
  const { running, pid } = JSON.parse(status.stdout) as { running: boolean; pid?: number };
  if (!running || pid === undefined) throw new Error(`no daemon runs: ${status.stdout}${status.stderr}`);
  const startTime = readProcStat(pid)?.startTime;
  if (startTime === undefined) throw new Error(`daemon ${pid} is not in /proc`);
  return { pid, startTime };
}

/** kill -9 of the project's daemon, returning once it is gone (no cleanup of any kind happened). */
export async function killDaemon(project: TaskProject): Promise<{ pid: number; startTime: string }> {
  const daemon = await daemonProcess(project);
  process.kill(daemon.pid, 'SIGKILL');
  await eventually(() => !isAlive(daemon), `daemon ${daemon.pid} to die`);
  return daemon;
}

/** How many times a daemon of this project finished recovering agents (one log line each time). */
export function recoveries(project: TaskProject): number {
  return daemonLog(project).filter((line) => line.includes('agent recovery finished')).length;
}

/** The daemon log's lines, for what the daemon says it did. */
export function daemonLog(project: TaskProject): string[] {
  try {
    return readFileSync(`${project.home}/daemon/daemon.log`, 'utf8').split('\n');
  } catch {
    return [];
  }
}
