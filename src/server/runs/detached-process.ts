import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { packagePath } from '../../core/package-root.js';

/** The `orchestra` entry every detached process runs. */
const orchestraBin = packagePath('bin', 'orchestra.js');

export interface DetachedOrchestra {
  pid: number | undefined;
  /** The exit code once the process ended (-1 when it could not start), else undefined. */
  exitCode(): number | null | undefined;
}

/**
 * Starts `orchestra <args>` in its own process group, needing no terminal, its output appended to
 * `logFile` (created 0600): what `run --detach`, the daemon's resume of an answered run and the
 * API's runs (issue 12) run. Arguments are an array, never a shell line.
 */
export function spawnDetachedOrchestra(args: readonly string[], options: { cwd: string; env: Readonly<Record<string, string | undefined>>; logFile: string }): DetachedOrchestra {
  const log = openSync(options.logFile, 'a', 0o600);
  let exited: number | null | undefined;
  try {
    const child = spawn(process.execPath, [orchestraBin, ...args], { cwd: options.cwd, env: { ...options.env }, stdio: ['ignore', log, log], detached: true });
    child.on('exit', (code) => (exited = code));
    child.on('error', () => (exited = -1));
    child.unref();
    return { pid: child.pid, exitCode: () => exited };
  } finally {
    closeSync(log);
  }
}

/**
 * Waits until `ready()` says the detached process took its run (recorded it, holds its lease), or
 * it ended. Resolves true when ready or ended with 0, false when it ended otherwise or `deadlineMs`
 * passed: the caller then points at the log.
 */
export async function awaitDetachedStart(child: DetachedOrchestra, ready: () => Promise<boolean>, deadlineMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await ready()) return true;
    const code = child.exitCode();
    if (code !== undefined) return code === 0;
    if (Date.now() > deadline) return false;
    await delay(50);
  }
}
