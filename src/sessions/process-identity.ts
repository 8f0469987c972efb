import { signalGroup, groupAlive, waitUntil } from './process-group.js';
import { hasProcStat, isLiveState, readProcStat } from './proc-stat.js';

/** How long a SIGKILLed group gets to disappear before `killProcessGroup` gives up waiting. */
const killWaitMs = 5000;

/** The process's start time (field 22 of /proc/<pid>/stat) as a string; undefined when gone or not on Linux. */
export function processStartTime(pid: number): string | undefined {
  return readProcStat(pid)?.startTime;
}

/**
 * True when `pid` is alive and is the process that had `startTime`: a recorded pid alone may
 * since have been given to an unrelated process. Without /proc there is nothing to compare, so
 * only a pid recorded without a start time is trusted, on liveness alone.
 */
export function isSameProcess(pid: number, startTime: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (hasProcStat) {
    const stat = readProcStat(pid);
    return stat !== undefined && isLiveState(stat.state) && startTime !== undefined && stat.startTime === startTime;
  }
  if (startTime !== undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // ESRCH, or EPERM: another user's process, never ours
  }
}

/**
 * Ends an agent left behind by a daemon that died (kill -9): only when `pid` is still the same
 * process, SIGTERM to its process group, SIGKILL to what is left after `graceMs`. Resolves true
 * when it was alive (and is now gone, or was sent SIGKILL), false when there was nothing to do.
 *
 * It stops at the group on purpose. Processes that left it (setsid, setpgid: a dev server the
 * agent daemonised, a nested PTY) asked to live on their own; after the daemon's death their
 * parent links are gone too, so finding them would mean guessing from the process tree, and a
 * wrong guess kills something of the user's. Processes still in the group are the agent's own.
 */
export async function killProcessGroup(pid: number, startTime: string | undefined, o: { graceMs?: number } = {}): Promise<boolean> {
  const graceMs = o.graceMs ?? 3000;
  if (!isSameProcess(pid, startTime)) return false;
  const pgrp = readProcStat(pid)?.pgrp ?? pid;
  if (pgrp !== pid) {
    // Not a group leader (not started by node-pty): its group is someone else's, so only it is signalled.
    const gone = () => !isSameProcess(pid, startTime);
    signalProcess(pid, 'SIGTERM');
    if (!(await waitUntil(gone, graceMs))) {
      if (!gone()) signalProcess(pid, 'SIGKILL');
      await waitUntil(gone, killWaitMs);
    }
    return true;
  }
  signalGroup(pid, 'SIGTERM');
  if (!(await waitUntil(() => !groupAlive(pid), graceMs))) {
    signalGroup(pid, 'SIGKILL');
    await waitUntil(() => !groupAlive(pid), killWaitMs);
  }
  return true;
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: it ended on its own meanwhile
  }
}
