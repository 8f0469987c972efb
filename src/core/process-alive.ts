import { readdirSync, readFileSync } from 'node:fs';

/**
 * Whether `pid` names a live process. A zombie (exited, not yet reaped) counts as gone: in a
 * container whose pid 1 never reaps, an orphan's zombie would otherwise look alive forever.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it just is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * Linux only; elsewhere /proc is absent and a zombie still answers kill(pid, 0). A killed
 * multi-threaded process (node) shows its main thread as a zombie while its other threads are
 * still exiting and still hold its files, a listening socket say: it is gone only once the main
 * thread is the last one left.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may itself contain spaces or parentheses: the state follows the last ")".
    if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z') return false;
    return readdirSync(`/proc/${pid}/task`).length <= 1;
  } catch {
    return false;
  }
}
