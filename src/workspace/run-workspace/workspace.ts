import { rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PushEvent } from '../push-branch.js';
import { tryGit } from '../run-git.js';
import { removeSessionWorktree } from '../session-worktree.js';
import { branchCheckouts } from './branch-checkouts.js';
import { commitRepos, headsOf } from './commit-repos.js';
import { mergeSteps, runMerges } from './merge-branches.js';
import type { RepoCheckout, ResolvedRunWorkspacesOptions } from './options.js';
import { pushRepos, type FailedPushes } from './push-repos.js';
import type { CommitScope, MergeResult, PushReport, RepoHeads, RunWorkspace } from './types.js';

/** A run's workspace over its checkouts (the session's, or a parallel branch's when they have a parent branch). */
export function makeRunWorkspace(checkouts: readonly RepoCheckout[], runId: string, o: ResolvedRunWorkspacesOptions): RunWorkspace {
  const primaryCheckout = checkouts.find((c) => c.repo.primary) ?? checkouts[0]!;
  const failed: FailedPushes = new Set();
  return {
    paths: Object.fromEntries(checkouts.map((c) => [c.repo.name, c.worktree])),
    branches: Object.fromEntries(checkouts.map((c) => [c.repo.name, c.branch])),
    primary: primaryCheckout.worktree,
    onConflict: o.onConflict,
    commit: (scope: CommitScope): Promise<RepoHeads> => commitRepos(checkouts, primaryCheckout, scope, o),
    heads: (): Promise<RepoHeads> => headsOf(checkouts),
    branch: async (node: string, index: number): Promise<RunWorkspace> => makeRunWorkspace(await branchCheckouts(checkouts, o.worktreesRoot, runId, node, index), runId, o),
    merge: (branches: readonly RunWorkspace[], scope: { runId: string; node: string }): Promise<MergeResult> => runMerges(mergeSteps(checkouts, branches), 0, scope, checkouts),
    push: (event: PushEvent): Promise<PushReport[]> => pushRepos(checkouts, { runId, event, failed, timeoutMs: o.pushTimeoutMs }),
    dispose: () => disposeBranch(checkouts, o),
  };
}

/**
 * Removes a parallel branch's worktrees and branches. Never loses work: a branch with commits its parent lacks
 * (not merged) is kept, and so is a worktree with uncommitted changes; both are logged. The session's stay.
 */
async function disposeBranch(checkouts: readonly RepoCheckout[], o: ResolvedRunWorkspacesOptions): Promise<void> {
  for (const { repo, worktree, branch, parentBranch } of checkouts) {
    if (parentBranch === undefined) continue;
    // A parent already gone (disposed first) cannot tell what was merged: keep the branch rather than guess.
    const ahead = await tryGit(repo.path, ['rev-list', '--count', `refs/heads/${parentBranch}..refs/heads/${branch}`]);
    if (ahead.exitCode !== 0 || ahead.stdout.trim() !== '0') {
      o.logger.warn('A parallel branch has commits that were not merged; its worktree and branch are kept.', { repo: repo.name, branch, worktree });
      continue;
    }
    const removed = await removeSessionWorktree({ repo, worktree, branch }).then(
      () => true,
      (error: unknown) => {
        o.logger.warn('A parallel branch worktree could not be removed (uncommitted changes?); it is kept.', { repo: repo.name, worktree, error: error instanceof Error ? error.message : String(error) });
        return false;
      },
    );
    // The branch's folder holds one worktree per repo; once the last is gone the folder goes too.
    if (removed) await rmdir(dirname(worktree)).catch(() => undefined);
  }
}
