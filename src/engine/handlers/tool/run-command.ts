import { spawnHeld, type ProcessRecorder } from '../../../sessions/held-spawn.js';

export interface CommandOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Kill the command after this long; undefined means no limit. */
  timeoutMs: number | undefined;
  signal: AbortSignal;
  onStdout(chunk: Buffer): void;
  onStderr(chunk: Buffer): void;
  /** Between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** Stores the command's process group before the command starts (see spawnHeld). */
  recorder: ProcessRecorder | undefined;
}

export interface CommandExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why Orchestra stopped the command, if it did. */
  stoppedBy: 'timeout' | 'abort' | undefined;
}

/**
 * Runs `command` with `/bin/sh -c` (decision 7): the text goes to the shell as one argument, exactly
 * as written. The shell leads its own process group, so a timeout or an abort reaches everything
 * it started: SIGTERM, then SIGKILL after the grace period. Whatever the shell left running when
 * it exited is terminated the same way, so no orphans outlive the node. The group is recorded
 * before the command starts and the record cleared after it ended, so that a resume after a
 * crash can end it (spawnHeld). Resolves once both output streams are closed.
 */
export function runCommand(options: CommandOptions): Promise<CommandExit> {
  const graceMs = options.killGraceMs ?? 2_000;
  return new Promise<CommandExit>((resolve, reject) => {
    const { child, released } = spawnHeld('/bin/sh', ['-c', options.command], { cwd: options.cwd, env: options.env, stdin: 'ignore', recorder: options.recorder });
    const pid = child.pid;
    const stdout = child.stdout!;
    const stderr = child.stderr!;
    let stoppedBy: CommandExit['stoppedBy'];
    let exit: Pick<CommandExit, 'code' | 'signal'> | undefined;
    let killTimer: NodeJS.Timeout | undefined;

    const terminateGroup = () => {
      if (killTimer || pid === undefined) return;
      signalGroup(pid, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    };
    const stop = (reason: 'timeout' | 'abort') => {
      if (exit || stoppedBy) return;
      stoppedBy = reason;
      terminateGroup();
    };
    const timeoutTimer = options.timeoutMs === undefined ? undefined : setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('abort');
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();

    const cleanup = () => {
      if (timeoutTimer) clearTimeout(timeoutTimer);
      if (killTimer) clearTimeout(killTimer);
      options.signal.removeEventListener('abort', onAbort);
    };

    stdout.on('data', options.onStdout);
    stderr.on('data', options.onStderr);
    child.on('error', (error) => {
      cleanup();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      if (timeoutTimer) clearTimeout(timeoutTimer);
      // Background children may still hold the pipes open; they go with the group.
      terminateGroup();
    });
    child.on('close', () => {
      cleanup();
      // The record goes only once the whole group is gone; a failed record fails the command.
      released.then((clear) => clear()).then(
        () => resolve({ ...(exit ?? { code: child.exitCode, signal: child.signalCode }), stoppedBy }),
        reject,
      );
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}
