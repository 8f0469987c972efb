import { readFileSync } from 'node:fs';

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

// Linux only; elsewhere /proc is absent and a zombie still answers kill(pid, 0).
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may itself contain spaces or parentheses: the state follows the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
