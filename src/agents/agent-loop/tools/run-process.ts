import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolveCommand } from '../../cli-agents/resolve-command.js';
import { spawnHeld, type ProcessRecorder } from '../../../sessions/held-spawn.js';
import { groupAlive, signalGroup, waitUntil } from '../../../sessions/process-group.js';

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
  /** Stores the process group before the command starts (see spawnHeld); undefined outside a run. */
  recorder: ProcessRecorder | undefined;
}

/** Grace between SIGTERM and SIGKILL, as for tool nodes (decision 7). */
const killGraceMs = 2_000;

/**
 * Runs `file` with `args` (no shell unless the caller names one) as the leader of its own process
 * group, so a timeout or an abort kills everything it started, not just the first process; what
 * the command leaves in the group when it exits is ended too. The group is recorded before the
 * command starts and the record cleared once the group is gone, so that a resume after a crash of
 * Orchestra can end a command still running (spawnHeld). A failed record rejects: nothing ran.
 */
export async function runProcess(file: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  if (options.signal.aborted) throw options.signal.reason;
  const env = options.env as NodeJS.ProcessEnv;
  // The held shell would report a missing program as exit 127; callers tell "not installed" apart by ENOENT, as from spawn.
  const path = resolveCommand(file, env, options.cwd);
  if (path === undefined) throw Object.assign(new Error(`spawn ${file} ENOENT`), { code: 'ENOENT', path: file });
  const { child: spawned, released } = spawnHeld(path, args, { cwd: options.cwd, env, stdin: 'pipe', recorder: options.recorder });
  const child = spawned as ChildProcessWithoutNullStreams;
  const output = collectOutput(child, options.maxOutputChars ?? 8 * 1024 * 1024);
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.stdin ?? '');

  let timedOut = false;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= child.pid === undefined ? undefined : stopGroup(child.pid));
  const timer = setTimeout(() => ((timedOut = true), stop()), options.timeoutMs);
  const onAbort = () => void stop();
  options.signal.addEventListener('abort', onAbort, { once: true });
  // An abort while spawnHeld was already recording came before the listener.
  if (options.signal.aborted) onAbort();
  try {
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    clearTimeout(timer);
    // Members left in the group (`cmd &`) would hold the output open and outlive the call.
    if (child.pid !== undefined && groupAlive(child.pid)) stop();
    await stopping;
    await output.closed;
    await released;
    if (options.signal.aborted) throw options.signal.reason;
    return { exitCode: exit.code, signal: exit.signal, ...output.result(), timedOut };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
    // The group is gone (or never started): its record goes too.
    await released.then((clear) => clear()).catch(() => undefined);
  }
}

/** SIGTERM to the group, SIGKILL once the grace period passed with a member still alive. */
async function stopGroup(pid: number): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  if (!(await waitUntil(() => !groupAlive(pid), killGraceMs))) signalGroup(pid, 'SIGKILL');
}

function collectOutput(child: ChildProcessWithoutNullStreams, cap: number) {
  let output = '';
  let stdout = '';
  let stderr = '';
  let outputCapped = false;
  const keep = (text: string, chunk: string) => {
    if (text.length + chunk.length <= cap) return text + chunk;
    outputCapped = true;
    return text + chunk.slice(0, Math.max(0, cap - text.length));
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => ((stdout = keep(stdout, chunk)), (output = keep(output, chunk))));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => ((stderr = keep(stderr, chunk)), (output = keep(output, chunk))));
  const ended = (stream: NodeJS.ReadableStream) => new Promise<void>((resolve) => stream.once('close', resolve));
  return {
    closed: Promise.all([ended(child.stdout), ended(child.stderr)]),
    result: () => ({ output, stdout, stderr, outputCapped }),
  };
}
