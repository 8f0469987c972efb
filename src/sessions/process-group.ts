import { liveGroupMembers } from './proc-stat.js';

/**
 * An agent in a PTY leads its own session and process group (node-pty calls setsid), so
 * everything it starts without detaching can be signalled at once with `kill(-pgid)`.
 * False when there was nobody left to signal.
 */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty
  }
}

/**
 * Whether any process of the group is still running. /proc is read where there is one, because
 * `kill(-pgid, 0)` also counts zombies, and under a PID 1 that never reaps them (some containers)
 * those stay forever.
 */
export function groupAlive(pgid: number): boolean {
  const members = liveGroupMembers(pgid);
  if (members !== undefined) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls `condition` until it holds or `timeoutMs` passed; true when it held. Only for states that
 * raise no event, such as a process we are not the parent of going away.
 */
export async function waitUntil(condition: () => boolean, timeoutMs: number, intervalMs = 25): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
  }
}
