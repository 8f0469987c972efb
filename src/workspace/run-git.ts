import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ErrorCode, OrchestraError } from '../core/errors.js';

/** What a finished `git` invocation produced. */
export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunGitOptions {
  /** Extra environment for this invocation only. */
  env?: Record<string, string>;
  /** Shown with the E_GIT error when git fails. */
  hint?: string;
  /** Kills git after this long (a push to a remote that never answers); the call then fails with E_GIT. */
  timeoutMs?: number;
}

// Diffs of large tasks can be big; execFile's 1 MB default would cut them off.
const MAX_BUFFER = 256 * 1024 * 1024;

// Orchestra always names the repository through `cwd`. Variables a git hook exports (GIT_DIR, GIT_INDEX_FILE…)
// would silently point every command at another repository or index, so they are removed.
const REPO_LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_PREFIX', 'GIT_OBJECT_DIRECTORY'];

function gitEnvironment(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', ...extra };
  for (const name of REPO_LOCATION_VARIABLES) delete env[name];
  return env;
}

/** Runs `git <args>` in `dir` and reports the exit code instead of throwing on a non-zero one. */
export function tryGit(dir: string, args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const timeout = options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const };
    const spawnOptions = { cwd: dir, env: gitEnvironment(options.env), maxBuffer: MAX_BUFFER, encoding: 'utf8' as const, ...timeout };
    execFile('git', [...args], spawnOptions, (error, stdout, stderr) => {
      if (error === null) return resolve({ exitCode: 0, stdout, stderr });
      if (error.killed === true && options.timeoutMs !== undefined) return reject(timedOut(dir, args, options.timeoutMs));
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === 'number') return resolve({ exitCode: code, stdout, stderr });
      reject(spawnFailure(dir, args, error as NodeJS.ErrnoException));
    });
  });
}

/** Runs `git <args>` in `dir` and returns its stdout; a non-zero exit becomes E_GIT naming the command and dir. */
export async function runGit(dir: string, args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  const result = await tryGit(dir, args, options);
  if (result.exitCode !== 0) throw gitFailure(dir, args, result, options.hint);
  return result.stdout;
}

/** The E_GIT error for a git command that exited non-zero. */
export function gitFailure(dir: string, args: readonly string[], result: GitResult, hint?: string): OrchestraError {
  const output = firstLines(result.stderr.trim() || result.stdout.trim(), 6);
  return new OrchestraError(ErrorCode.GIT, `git ${args.join(' ')} failed in ${dir}: ${output || `exit code ${result.exitCode}`}`, {
    hint: hint ?? `Run the same git command in ${dir} to see the full output.`,
  });
}

function timedOut(dir: string, args: readonly string[], timeoutMs: number): OrchestraError {
  return new OrchestraError(ErrorCode.GIT, `git ${args.join(' ')} in ${dir} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`, {
    hint: 'Check that the remote is reachable (network, VPN, credentials that do not prompt) and try again.',
  });
}

function spawnFailure(dir: string, args: readonly string[], error: NodeJS.ErrnoException): OrchestraError {
  // A missing cwd and a missing git binary both surface as `spawn git ENOENT`; only the directory tells them apart.
  const missingDir = error.code === 'ENOENT' && !existsSync(dir);
  if (missingDir) {
    return new OrchestraError(ErrorCode.GIT, `git ${args.join(' ')} could not run: the directory ${dir} does not exist.`, {
      hint: 'Check the path; a worktree may have been removed by hand.',
      cause: error,
    });
  }
  return new OrchestraError(ErrorCode.GIT, `git ${args.join(' ')} could not run in ${dir}: ${error.message}`, {
    hint: error.code === 'ENOENT' ? 'Install git and make sure it is on PATH.' : 'Check that git is installed and the directory is accessible.',
    cause: error,
  });
}

export function firstLines(text: string, count: number): string {
  const lines = text.split('\n');
  return lines.length <= count ? text : `${lines.slice(0, count).join('\n')}\n…`;
}
