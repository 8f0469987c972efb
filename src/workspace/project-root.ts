import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { walkToMainCheckout } from './main-checkout-walk.js';
import { runGit, tryGit, gitFailure } from './run-git.js';
import { validateRefName } from './ref-name.js';

/**
 * The top-level directory of the project's MAIN checkout, from any directory inside it, including a subdirectory
 * of a linked worktree (task worktrees live outside the project, yet `orchestra` run there means the project).
 * @example await findProjectRoot('/home/me/app/src') // '/home/me/app'
 */
export async function findProjectRoot(cwd: string): Promise<string> {
  const isDir = await stat(cwd).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw notAProject(cwd);
  const walked = await walkToMainCheckout(cwd);
  if (walked !== undefined) return walked;
  const args = ['rev-parse', '--path-format=absolute', '--git-common-dir'];
  // The message is matched below, so it must not be translated.
  const result = await tryGit(cwd, args, { env: { LC_ALL: 'C', LANGUAGE: 'C' } });
  if (result.exitCode !== 0) {
    if (/not a git repository/i.test(result.stderr)) throw notAProject(cwd);
    throw gitFailure(cwd, args, result);
  }
  const commonDir = result.stdout.trim();
  if (basename(commonDir) === '.git') return dirname(commonDir);
  return mainWorktreeOf(cwd, commonDir);
}

// The git dir is not `<root>/.git`: a bare repository, a submodule, or `git init --separate-git-dir`. Only in
// the main checkout itself can git name the top level; `worktree list` would report the git dir instead.
async function mainWorktreeOf(cwd: string, commonDir: string): Promise<string> {
  if ((await runGit(cwd, ['rev-parse', '--is-bare-repository'])).trim() === 'true') {
    throw new OrchestraError(ErrorCode.NOT_A_PROJECT, `${cwd} belongs to a bare git repository, which has no main checkout.`, {
      hint: 'Run orchestra inside a normal clone of the repository.',
    });
  }
  const gitDir = (await runGit(cwd, ['rev-parse', '--path-format=absolute', '--git-dir'])).trim();
  if (gitDir !== commonDir) {
    throw new OrchestraError(ErrorCode.NOT_A_PROJECT, `${cwd} is a linked worktree of a repository whose git dir (${commonDir}) is not inside its main checkout, so the main checkout cannot be found from here.`, {
      hint: 'Run orchestra from the main checkout.',
    });
  }
  return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

function notAProject(cwd: string): OrchestraError {
  return new OrchestraError(ErrorCode.NOT_A_PROJECT, `${cwd} is not inside a git repository.`, {
    hint: 'Run `git init` there, or cd into a project.',
  });
}

/** The branch checked out in `root`, or undefined when HEAD is detached. */
export async function currentBranch(root: string): Promise<string | undefined> {
  const result = await tryGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (result.exitCode === 1) return undefined;
  if (result.exitCode !== 0) throw gitFailure(root, ['symbolic-ref', '--quiet', '--short', 'HEAD'], result);
  return result.stdout.trim();
}

/** Whether the local branch `branch` exists in the repository of `root`. */
export async function branchExists(root: string, branch: string): Promise<boolean> {
  validateRefName(branch, 'the branch');
  const args = ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`];
  const result = await tryGit(root, args);
  if (result.exitCode === 0) return true;
  if (result.exitCode === 1) return false;
  throw gitFailure(root, args, result);
}
