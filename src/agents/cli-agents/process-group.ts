/**
 * A spawned CLI runs detached, as the leader of its own process group, so that everything it
 * starts (shells, language servers, test runners) can be signalled at once with `kill(-pid)`.
 */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    // ESRCH: the group is already gone.
    return false;
  }
}

export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const pollMs = 50;

/**
 * SIGTERM to the group, then SIGKILL once `graceMs` passed with any member still alive.
 * Resolves when the group is gone or has been sent SIGKILL.
 */
export async function stopGroup(pid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  signalGroup(pid, 'SIGKILL');
}
