import { existsSync } from 'node:fs';
import { didYouMean } from '../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { localBranches } from './require-branch.js';
import { gitFailure, tryGit } from './run-git.js';

/** The part of a configured workspace repo (config's ResolvedRepo) that starting a session needs. */
export interface SessionRepo {
  name: string;
  /** Absolute path of the user's checkout. */
  path: string;
  branchPrefix: string;
  base?: string;
}

/** Fails with E_GIT naming the repo when `repo.path` is missing or not inside a git repository. */
export async function requireGitRepository(repo: Pick<SessionRepo, 'name' | 'path'>): Promise<void> {
  const hint = `Point workspace.repos.${repo.name}.path at a git checkout, or run \`git init\` there and make a first commit.`;
  if (!existsSync(repo.path)) {
    throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: ${repo.path} does not exist.`, { hint });
  }
  const result = await tryGit(repo.path, ['rev-parse', '--is-inside-work-tree']);
  if (result.exitCode !== 0 || result.stdout.trim() !== 'true') {
    throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: ${repo.path} is not a git repository.`, { hint });
  }
}

/**
 * The commit a session branch starts from: the tip of `base` when the repo names one, else the commit of the
 * checkout's current branch. Only reads refs: the user's checkout, index and files stay as they are.
 */
export async function sessionStartCommit(repo: SessionRepo): Promise<string> {
  if (repo.base !== undefined) {
    const sha = await commitOf(repo.path, `refs/heads/${repo.base}`);
    if (sha !== undefined) return sha;
    const branches = await localBranches(repo.path);
    throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: the base branch "${repo.base}" does not exist in ${repo.path}.${didYouMean(repo.base, branches)}`, {
      hint: `Set workspace.repos.${repo.name}.base to a local branch (${branches.join(', ') || 'there are none yet'}), or remove it to start from the current HEAD.`,
    });
  }
  const onBranch = await tryGit(repo.path, ['symbolic-ref', '--quiet', 'HEAD']);
  if (onBranch.exitCode !== 0) {
    throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: ${repo.path} is on a detached HEAD, so there is no branch to start the session branch from.`, {
      hint: `Name the branch to start from with workspace.repos.${repo.name}.base (such as main), or check out a branch in ${repo.path}.`,
    });
  }
  const sha = await commitOf(repo.path, 'HEAD');
  if (sha !== undefined) return sha;
  throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: ${repo.path} has no commits yet.`, {
    hint: `Make a first commit in ${repo.path}, or name a branch with workspace.repos.${repo.name}.base.`,
  });
}

/** The full SHA of commit `sha` (a replay's checkpoint head), or E_GIT naming the repo when it has no such commit. */
export async function requireCommit(repo: Pick<SessionRepo, 'name' | 'path'>, sha: string): Promise<string> {
  const found = /^[0-9a-f]{4,64}$/i.test(sha) ? await commitOf(repo.path, sha) : undefined;
  if (found !== undefined) return found;
  throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: the commit ${JSON.stringify(sha)} is not in ${repo.path}.`, {
    hint: `The checkpoint was made in another clone, or its commits were removed (git gc after a branch was deleted). Point workspace.repos.${repo.name}.path at the repository the run used, or fetch the commit into it.`,
  });
}

/** The commit `rev` names, or undefined when it names none. */
async function commitOf(dir: string, rev: string): Promise<string | undefined> {
  const args = ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`];
  const result = await tryGit(dir, args);
  if (result.exitCode === 0) return result.stdout.trim();
  if (result.exitCode === 1) return undefined;
  throw gitFailure(dir, args, result);
}

/** Whether the local branch exists; no validation, the caller has checked the name. */
export async function localBranchExists(dir: string, branch: string): Promise<boolean> {
  return (await commitOf(dir, `refs/heads/${branch}`)) !== undefined;
}
