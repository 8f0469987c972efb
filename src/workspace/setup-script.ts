import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDuration } from '../core/duration.js';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { OutputTail } from './output-tail.js';
import { runScriptProcess } from './script-process.js';

/** The project's setup script, relative to the project root. */
export const SETUP_SCRIPT = '.orchestra/setup';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export interface RunSetupScriptOptions {
  root: string;
  /** The task worktree: the script's working directory. */
  worktree: string;
  /** ORCHESTRA_TASK_ID, ORCHESTRA_TASK_SLUG, ORCHESTRA_WORKTREE, … added to `baseEnv`. */
  env: Record<string, string>;
  /** The environment the script starts from: the shell's that ran `orchestra start`; this process's by default. */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  onOutput: (chunk: string) => void;
  timeoutMs?: number;
  /** How long a timed-out script gets between SIGTERM and SIGKILL. */
  killGraceMs?: number;
}

/**
 * Runs `<root>/.orchestra/setup` in a new task worktree, streaming its output. No script → `{ ran: false }`.
 * A script that is not executable, exits non-zero or runs past the timeout → E_SETUP_FAILED, with the last
 * lines of its output in `detail`.
 * @example await runSetupScript({ root, worktree, env: { ORCHESTRA_TASK_ID: '4' }, onOutput: (s) => log.write(s) })
 */
export async function runSetupScript(o: RunSetupScriptOptions): Promise<{ ran: boolean; exitCode?: number }> {
  const file = join(o.root, SETUP_SCRIPT);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw setupFailed(`setup script ${SETUP_SCRIPT} cannot be read: ${error.message}`, `Check the permissions of ${file}.`);
  });
  if (info === undefined) return { ran: false };
  if (!info.isFile()) throw setupFailed(`setup script ${SETUP_SCRIPT} is not a file.`, `Make ${file} an executable script, or remove it.`);
  await access(file, constants.X_OK).catch(() => {
    throw setupFailed(`setup script ${SETUP_SCRIPT} is not executable.`, `Run \`chmod +x ${file}\`.`);
  });

  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tail = new OutputTail();
  const onOutput = (chunk: string) => {
    tail.push(chunk);
    o.onOutput(chunk);
  };
  const env = { ...(o.baseEnv ?? process.env), ...o.env };
  const result = await runScriptProcess({ file, cwd: o.worktree, env, onOutput, timeoutMs, killGraceMs: o.killGraceMs }).catch((error: Error) => {
    throw setupFailed(`setup script ${SETUP_SCRIPT} could not start: ${error.message}`, 'Check that its first line is a #! line naming an installed interpreter.');
  });
  const hint = `Fix ${file} (run it in ${o.worktree} to try it), then start the task again.`;
  if (result.timedOut) throw setupFailed(`setup script ${SETUP_SCRIPT} did not finish within ${formatDuration(timeoutMs)} and was stopped.`, hint, tail);
  if (result.exitCode === null) throw setupFailed(`setup script ${SETUP_SCRIPT} was killed by ${result.signal ?? 'a signal'}.`, hint, tail);
  if (result.exitCode !== 0) throw setupFailed(`setup script ${SETUP_SCRIPT} exited with code ${result.exitCode}.`, hint, tail);
  return { ran: true, exitCode: 0 };
}

function setupFailed(message: string, hint: string, tail?: OutputTail): OrchestraError {
  const detail = tail?.toString();
  return new OrchestraError(ErrorCode.SETUP_FAILED, message, { hint, ...(detail ? { detail } : {}) });
}
