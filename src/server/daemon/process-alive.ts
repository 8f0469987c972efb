import { isProcessAlive } from '../../core/process-alive.js';

export { isProcessAlive };

/** Polls until `pid` is gone; false if it still runs at the deadline. There is no exit event for a non-child. */
export async function waitForExit(pid: number, timeoutMs: number, intervalMs = 25): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return true;
}
