import { spawn } from 'node:child_process';

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr as they arrived, interleaved. */
  output: string;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** True when the output passed `maxOutputChars` and the rest was dropped. */
  outputCapped: boolean;
}

export interface RunProcessOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin?: string;
  timeoutMs: number;
  signal: AbortSignal;
  /** Output kept in memory, per stream and interleaved (default 8 MiB): a runaway command cannot exhaust memory. */
  maxOutputChars?: number;
}

/** Grace between SIGTERM and SIGKILL, as for tool nodes (decision 7). */
const killGraceMs = 2_000;

/**
 * Runs `file` with `args` (no shell unless the caller names one) in its own process group, so a
 * timeout or an abort kills everything it started, not just the first process.
 */
export function runProcess(file: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) return reject(options.signal.reason);
    const child = spawn(file, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let outputCapped = false;
    const cap = options.maxOutputChars ?? 8 * 1024 * 1024;
    const keep = (text: string, chunk: string) => {
      if (text.length + chunk.length <= cap) return text + chunk;
      outputCapped = true;
      return text + chunk.slice(0, Math.max(0, cap - text.length));
    };
    let killTimer: NodeJS.Timeout | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const stop = () => {
      killGroup('SIGTERM');
      killTimer ??= setTimeout(() => killGroup('SIGKILL'), killGraceMs);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    const onAbort = () => stop();
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => ((stdout = keep(stdout, chunk)), (output = keep(output, chunk))));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => ((stderr = keep(stderr, chunk)), (output = keep(output, chunk))));
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (killTimer !== undefined) clearTimeout(killTimer);
      options.signal.removeEventListener('abort', onAbort);
      if (options.signal.aborted) reject(options.signal.reason);
      else resolve({ exitCode, signal, output, stdout, stderr, timedOut, outputCapped });
    });
  });
}
