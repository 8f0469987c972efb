import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { ErrorCode, OrchestraError } from '../core/errors.js';

/** What to run in a PTY. `env` is the agent's whole environment: nothing is inherited implicitly. */
export interface AgentLaunch {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols?: number;
  rows?: number;
  /** Raw output is appended here (mode 0600, directories made) so it outlives the session. */
  logFile?: string;
}

export interface ResolvedLaunch extends Required<Omit<AgentLaunch, 'logFile'>> {
  logFile: string | undefined;
}

export const defaultCols = 120;
export const defaultRows = 40;

/**
 * Checks a launch before anything is spawned, so a missing worktree or an agent CLI that is not
 * installed is reported by name instead of as an exit code 1 from inside the PTY.
 */
export function resolveLaunch(launch: AgentLaunch): ResolvedLaunch {
  const cols = launch.cols ?? defaultCols;
  const rows = launch.rows ?? defaultRows;
  validateSize(cols, rows);
  if (!isDirectory(launch.cwd)) {
    throw new OrchestraError(ErrorCode.USAGE, `The agent's working directory ${launch.cwd} does not exist or is not a directory.`, {
      hint: 'Check that the task worktree exists (git worktree list).',
    });
  }
  const command = findExecutable(launch.command, launch.env.PATH ?? '', launch.cwd);
  if (command === undefined) {
    throw new OrchestraError(ErrorCode.CONFIG, `The agent command \`${launch.command}\` was not found${launch.command.includes('/') ? '' : ' on the PATH'} or is not executable.`, {
      hint: 'Install the agent CLI, or set `command` in its agent profile to the right path.',
    });
  }
  return { command, args: launch.args, cwd: launch.cwd, env: launch.env, cols, rows, logFile: launch.logFile };
}

export function validateSize(cols: number, rows: number): void {
  for (const [name, value] of [['cols', cols], ['rows', rows]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 10_000) {
      throw new OrchestraError(ErrorCode.USAGE, `Expected the terminal \`${name}\` to be an integer from 1 to 10000, got \`${String(value)}\` (${typeof value}).`, {
        hint: 'Pass the size of the attached terminal.',
      });
    }
  }
}

/** A path (anything with a slash, relative to `cwd`) is taken as is; a bare name is looked up on `path`. */
export function findExecutable(command: string, path: string, cwd: string): string | undefined {
  if (command.includes('/')) {
    const file = isAbsolute(command) ? command : resolve(cwd, command);
    return isExecutable(file) ? file : undefined;
  }
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, command);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
