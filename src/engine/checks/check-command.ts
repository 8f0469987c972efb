import { dirname } from 'node:path';
import type { ProcessRecorder } from '../../sessions/held-spawn.js';
import { runCommand, type CommandExit } from '../handlers/tool/run-command.js';
import { createPrivateLog, makePrivateDir } from '../../core/private-files.js';

export interface CheckCommandOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal: AbortSignal;
  /** Where the whole output (stdout and stderr interleaved) is written. */
  logFile: string;
  recorder: ProcessRecorder;
}

export interface CheckCommandRun {
  exit: CommandExit;
  /** The output as text; only its last `keptChars` when it is longer. */
  output: string;
}

// Enough for any runner's summary (they print it last) without holding a huge log in memory.
const keptChars = 1024 * 1024;

/** Runs a check's command like a tool node's (decision 7) and captures its output. */
export async function runCheckCommand(options: CheckCommandOptions): Promise<CheckCommandRun> {
  await makePrivateDir(dirname(options.logFile));
  const log = createPrivateLog(options.logFile);
  // A failed log write must not crash the process; the output is still kept in memory.
  log.on('error', () => {});
  const decoder = new TextDecoder();
  let output = '';
  const onChunk = (chunk: Buffer) => {
    log.write(chunk);
    output += decoder.decode(chunk, { stream: true });
    if (output.length > keptChars * 2) output = output.slice(-keptChars);
  };
  try {
    const exit = await runCommand({ command: options.command, cwd: options.cwd, env: options.env, timeoutMs: options.timeoutMs, signal: options.signal, recorder: options.recorder, onStdout: onChunk, onStderr: onChunk });
    output += decoder.decode();
    return { exit, output: output.length > keptChars ? output.slice(-keptChars) : output };
  } finally {
    await new Promise<void>((resolve) => log.end(() => resolve()));
  }
}

/** Why a command failed, in a few words: `exit 1`, `command not found (exit 127)`, `timed out after 10m`. */
export function describeExit(exit: CommandExit, timeoutText: string): string {
  if (exit.stoppedBy === 'timeout') return `timed out after ${timeoutText}`;
  if (exit.code === 127) return 'command not found (exit 127)';
  if (exit.code !== null) return `exit ${exit.code}`;
  return `killed by ${exit.signal ?? 'a signal'}`;
}
