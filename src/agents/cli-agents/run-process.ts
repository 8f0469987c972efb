import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import { createPrivateLog } from '../../core/private-files.js';
import { spawnHeld, type ProcessRecorder } from '../../sessions/held-spawn.js';
import { groupAlive, stopGroup } from './process-group.js';

export interface CliProcessOptions {
  /** A resolved executable path (see resolveCommand). */
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Written to standard input, which is then closed (some CLIs read stdin until EOF). */
  stdin: string | undefined;
  signal: AbortSignal;
  timeoutMs: number | undefined;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Raw copies of the two streams. */
  stdoutLog: string;
  stderrLog: string;
  onStdout(chunk: string): void;
  /** Stores the CLI's process group before the CLI starts (see spawnHeld). */
  recorder: ProcessRecorder | undefined;
}

export interface CliProcessResult {
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  /** Why Orchestra stopped the process, if it did. */
  stopped: 'aborted' | 'timed_out' | undefined;
  /** The end of stderr, for failure messages. */
  stderrTail: string;
  durationMs: number;
}

const stderrTailChars = 2_000;

/**
 * Runs one CLI to completion as its own process group. Cancellation and the timeout stop the whole
 * group (SIGTERM, SIGKILL after the grace period), and members left behind after a normal exit are
 * stopped the same way, so no agent process outlives its node.
 */
export async function runCliProcess(options: CliProcessOptions): Promise<CliProcessResult> {
  const started = Date.now();
  const stdoutLog = createPrivateLog(options.stdoutLog);
  const stderrLog = createPrivateLog(options.stderrLog);
  const { child: spawned, released } = spawnHeld(options.command, options.args, { cwd: options.cwd, env: options.env, stdin: 'pipe', recorder: options.recorder });
  const child = spawned as ChildProcessWithoutNullStreams;
  let stderrTail = '';
  let stopped: CliProcessResult['stopped'];
  let stopping: Promise<void> | undefined;

  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdoutLog.write(chunk);
    options.onStdout(chunk);
  });
  child.stderr.on('data', (chunk: string) => {
    stderrLog.write(chunk);
    stderrTail = (stderrTail + chunk).slice(-stderrTailChars);
  });
  // EPIPE when the CLI exits without reading its input: nothing to do about it.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.stdin ?? '');

  const stop = (reason: 'aborted' | 'timed_out'): void => {
    if (stopping !== undefined || child.pid === undefined) return;
    stopped = reason;
    stopping = stopGroup(child.pid, options.killGraceMs);
  };
  const onAbort = (): void => stop('aborted');
  options.signal.addEventListener('abort', onAbort, { once: true });
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => stop('timed_out'), options.timeoutMs);
  if (options.signal.aborted) onAbort();

  try {
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    // Members left in the group after the leader exited would hold stdout open and outlive the node.
    if (child.pid !== undefined && stopping === undefined && groupAlive(child.pid)) stopping = stopGroup(child.pid, options.killGraceMs);
    await stopping;
    await closed(child.stdout);
    // A failed record fails the run of the CLI.
    await released;
    return { exitCode: exit.code, exitSignal: exit.signal, stopped, stderrTail, durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
    // The group is gone (or never started): its record goes too. Left behind, resume would only find its pid gone.
    await released.then((clear) => clear()).catch(() => undefined);
    await Promise.all([finish(stdoutLog), finish(stderrLog)]);
  }
}

function closed(stream: NodeJS.ReadableStream & { closed?: boolean; readableEnded?: boolean }): Promise<void> {
  if (stream.closed === true || stream.readableEnded === true) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', resolve);
    stream.once('end', resolve);
  });
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}
