import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { branchNameProblem } from '../core/git-ref-format.js';
import { makePrivateDir } from '../core/private-files.js';
import { canonicalPath } from './canonical-path.js';
import { withRepoLock } from './repo-lock.js';
import { runGit } from './run-git.js';
import { localBranchExists, requireCommit, requireGitRepository, sessionStartCommit, type SessionRepo } from './session-start.js';
import { deleteBranch, removeWorktree } from './worktrees.js';

export type { SessionRepo } from './session-start.js';

export interface CreateSessionWorktreeOptions {
  repo: SessionRepo;
  pipeline: string;
  runId: string;
  /** A folder Orchestra owns (under ORCHESTRA_HOME); the worktree goes to `{worktreesRoot}/{runId}/{repo}`. */
  worktreesRoot: string;
  /** Start the session branch at this commit instead (a replay's checkpoint SHA); it must be in the repo. */
  startAt?: string;
}

export interface SessionWorktree {
  /** `{branchPrefix}{pipeline}/{runId}`. */
  branch: string;
  /** Absolute path of the new worktree. */
  worktree: string;
  /** The commit the session branch starts at. */
  baseSha: string;
}

// Both become a folder name under worktreesRoot, so they keep to characters that cannot climb out of it.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The session branch of a run in one repo. */
export function sessionBranchName(repo: Pick<SessionRepo, 'name' | 'branchPrefix'>, pipeline: string, runId: string): string {
  const branch = `${repo.branchPrefix}${pipeline}/${runId}`;
  const problem = branchNameProblem(branch);
  if (problem !== undefined) {
    throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: git refuses the session branch name ${JSON.stringify(branch)}: ${problem}.`, {
      hint: `Change workspace.repos.${repo.name}.branch_prefix or the pipeline's name so that {prefix}{pipeline}/{run id} is a valid branch name (git check-ref-format).`,
    });
  }
  return branch;
}

/** Where the run's worktree of `repoName` lives, confined to `worktreesRoot`. */
export function sessionWorktreePath(worktreesRoot: string, runId: string, repoName: string): string {
  for (const [what, value] of [['run id', runId], ['repo name', repoName]] as const) {
    if (!SEGMENT.test(value) || value.includes('..') || value.endsWith('.lock')) {
      throw new OrchestraError(ErrorCode.USAGE, `Expected the ${what} to be letters, digits, ".", "_" or "-", got ${JSON.stringify(value)}.`, {
        hint: what === 'repo name' ? 'Rename the repo under workspace.repos (such as api or web).' : 'Run ids are made by Orchestra; pass one unchanged.',
      });
    }
  }
  const root = resolve(worktreesRoot);
  const path = join(root, runId, repoName);
  const inside = relative(root, path);
  if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`unreachable: ${path} is outside ${root}`);
  return path;
}

/**
 * Creates the run's session branch from the repo's current HEAD commit (or `base`) and checks it out in a new
 * worktree of its own. The user's checkout is never touched, even when dirty: no stash, no checkout, no reset;
 * `git worktree add` only adds a ref and the worktree's own admin files.
 */
export async function createSessionWorktree(o: CreateSessionWorktreeOptions): Promise<SessionWorktree> {
  const { repo } = o;
  const branch = sessionBranchName(repo, o.pipeline, o.runId);
  const worktree = sessionWorktreePath(o.worktreesRoot, o.runId, repo.name);
  await requireGitRepository(repo);
  return withRepoLock(await canonicalPath(repo.path), async () => {
    const baseSha = o.startAt === undefined ? await sessionStartCommit(repo) : await requireCommit(repo, o.startAt);
    if (await localBranchExists(repo.path, branch)) {
      throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: the session branch ${branch} already exists in ${repo.path}.`, {
        hint: `A run with this id already made it: run \`orchestra cleanup\`, or delete it with \`git branch -D ${branch}\` if its work is not needed.`,
      });
    }
    if (existsSync(worktree)) {
      throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: ${worktree} already exists.`, {
        hint: `Remove it (\`git worktree remove ${worktree}\`) if no run uses it, then start again.`,
      });
    }
    // git would create the parents with the umask's mode; worktrees under Orchestra's home stay private.
    await makePrivateDir(dirname(worktree));
    await runGit(repo.path, ['worktree', 'add', '--quiet', '-b', branch, worktree, baseSha], {
      hint: `Check that ${worktree} can be created and that ${repo.path} is not locked by another git command.`,
    });
    return { branch, worktree, baseSha };
  });
}

export interface RemoveSessionWorktreeOptions {
  repo: Pick<SessionRepo, 'name' | 'path'>;
  worktree: string;
  /** Also delete this session branch (even unmerged); absent: the branch is kept. */
  branch?: string;
  /** Remove the worktree even with uncommitted changes. */
  force?: boolean;
}

/** Removes a session worktree and, when `branch` is given, its branch; what is already gone is fine. */
export async function removeSessionWorktree(o: RemoveSessionWorktreeOptions): Promise<void> {
  await requireGitRepository(o.repo);
  await removeWorktree({ root: o.repo.path, path: o.worktree, ...(o.force !== undefined && { force: o.force }) });
  if (o.branch !== undefined) await deleteBranch(o.repo.path, o.branch);
}
