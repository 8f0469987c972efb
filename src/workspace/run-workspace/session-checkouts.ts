import type { ResolvedRepo } from '../../config/config-types.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { localBranchExists, requireCommit, requireGitRepository, sessionStartCommit } from '../session-start.js';
import { createSessionWorktree, removeSessionWorktree, sessionBranchName, sessionWorktreePath } from '../session-worktree.js';
import { createWorktree } from '../worktrees.js';
import type { RepoCheckout } from './options.js';
import type { RepoHeads } from './types.js';

export interface SessionRun {
  runId: string;
  pipeline: string;
  at?: RepoHeads;
}

/**
 * A new run's session worktrees, one per repo. Every repo is checked first (a git repository, a valid branch
 * name, a start commit that exists), so that a bad one fails before any branch is made; a failure while making
 * them removes the ones already made. The user's checkouts are only read.
 */
export async function createSessionCheckouts(repos: readonly ResolvedRepo[], worktreesRoot: string, run: SessionRun, logger: Logger): Promise<RepoCheckout[]> {
  const plans: { repo: ResolvedRepo; startAt: string }[] = [];
  for (const repo of repos) {
    sessionBranchName(repo, run.pipeline, run.runId);
    sessionWorktreePath(worktreesRoot, run.runId, repo.name);
    await requireGitRepository(repo);
    const at = run.at?.[repo.name];
    if (run.at !== undefined && at === undefined) logger.warn('The replayed checkpoint has no commit for this repo; it starts from its HEAD (or base).', { repo: repo.name });
    plans.push({ repo, startAt: at === undefined ? await sessionStartCommit(repo) : await requireCommit(repo, at) });
  }
  const made: RepoCheckout[] = [];
  try {
    for (const { repo, startAt } of plans) {
      const session = await createSessionWorktree({ repo, pipeline: run.pipeline, runId: run.runId, worktreesRoot, startAt });
      made.push({ repo, worktree: session.worktree, branch: session.branch });
    }
  } catch (error) {
    for (const checkout of made) {
      await removeSessionWorktree({ repo: checkout.repo, worktree: checkout.worktree, branch: checkout.branch, force: true }).catch(() => undefined);
    }
    throw error;
  }
  return made;
}

/** A resumed run's session worktrees; one that is missing is made again from its session branch. */
export async function reopenSessionCheckouts(repos: readonly ResolvedRepo[], worktreesRoot: string, run: SessionRun): Promise<RepoCheckout[]> {
  const checkouts: RepoCheckout[] = [];
  for (const repo of repos) {
    const branch = sessionBranchName(repo, run.pipeline, run.runId);
    const worktree = sessionWorktreePath(worktreesRoot, run.runId, repo.name);
    await requireGitRepository(repo);
    if (!(await localBranchExists(repo.path, branch))) {
      throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${repo.name}: the session branch ${branch} of run ${run.runId} does not exist in ${repo.path}, so the run cannot resume there.`, {
        hint: `It was deleted (\`orchestra cleanup\` or by hand). Replay the run from a checkpoint (\`orchestra replay ${run.runId} --checkpoint N\`) to start again on a new branch.`,
      });
    }
    // Reuses the worktree when it is there on the branch; otherwise (removed by hand) adds it again.
    await createWorktree({ root: repo.path, path: worktree, branch, baseBranch: branch });
    checkouts.push({ repo, worktree, branch });
  }
  return checkouts;
}
