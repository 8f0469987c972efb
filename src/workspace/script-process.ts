import { spawn } from 'node:child_process';

export interface ScriptProcessOptions {
  file: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  onOutput: (chunk: string) => void;
  timeoutMs: number;
  /** How long after SIGTERM the process group gets SIGKILL. */
  killGraceMs?: number;
}

export interface ScriptProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

// A background process the script started (a dev server with `&`) inherits the pipes and would keep them
// open forever; this long after the script itself exits, its output is taken as complete.
const DRAIN_AFTER_EXIT_MS = 500;

/**
 * Runs an executable in its own process group, streaming stdout and stderr as text, and on timeout stops the
 * whole group (SIGTERM, then SIGKILL), so nothing the script started outlives it. Rejects when it cannot start.
 */
export function runScriptProcess(o: ScriptProcessOptions): Promise<ScriptProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(o.file, [], { cwd: o.cwd, env: o.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group is gone already.
      }
    };
    timers.push(
      setTimeout(() => {
        timedOut = true;
        killGroup('SIGTERM');
        timers.push(setTimeout(() => killGroup('SIGKILL'), o.killGraceMs ?? 2_000));
      }, o.timeoutMs),
    );
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => o.onOutput(chunk));
    }
    child.once('exit', () => {
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
        }, DRAIN_AFTER_EXIT_MS),
      );
    });
    child.once('error', (error) => {
      timers.forEach(clearTimeout);
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      timers.forEach(clearTimeout);
      // The script is gone; whatever it started and that shrugged off SIGTERM goes now.
      if (timedOut) killGroup('SIGKILL');
      resolve({ exitCode, signal, timedOut });
    });
  });
}
