import { isAbsolute, resolve, sep } from 'node:path';
import { runGit, tryGit } from '../run-git.js';
import { changedFiles, commitTurn } from '../turn-commit.js';
import { turnMessage } from './message-writer.js';
import type { RepoCheckout, ResolvedRunWorkspacesOptions } from './options.js';
import type { CommitScope, RepoHeads } from './types.js';

/**
 * Commits each repo's changes since its last commit: in the primary repo only `scope.files` when given (the
 * files an agent turn wrote), everything that changed elsewhere (other repos are reached only through tools
 * and prompts, whose writes Orchestra does not see). A repo with nothing to commit gets no commit.
 */
export async function commitRepos(checkouts: readonly RepoCheckout[], primary: RepoCheckout, scope: CommitScope, o: ResolvedRunWorkspacesOptions): Promise<RepoHeads> {
  for (const checkout of checkouts) {
    // An agent resolving a fan-in conflict writes files turn by turn; git allows no partial commit during a merge,
    // and the resolution belongs in the merge commit that conclude() makes.
    if (await mergeInProgress(checkout.worktree)) continue;
    const files = checkout === primary && scope.files !== undefined ? primaryFiles(scope.files, checkouts, primary) : await changedFiles(checkout.worktree);
    if (files.length === 0) continue;
    const result = await commitTurn({
      worktree: checkout.worktree,
      files,
      message: ({ files: staged, diff }) => turnMessage(o.writeMessage, { diff, files: staged, node: scope.node, turn: scope.turn }, { timeoutMs: o.messageTimeoutMs, clock: o.clock, logger: o.logger }),
      trailers: { runId: scope.runId, node: scope.node, ...(scope.turn !== undefined && { turn: scope.turn }) },
    });
    if (result.sha !== undefined) o.logger.debug('Committed a turn.', { repo: checkout.repo.name, sha: result.sha, files: result.files.length });
  }
  return headsOf(checkouts);
}

/**
 * The turn's files that belong to the primary repo: an absolute path inside another repo's worktree (an agent
 * writing through `$workspace.<repo>`) is that repo's, which commits all its changes anyway.
 */
export function primaryFiles(files: readonly string[], checkouts: readonly RepoCheckout[], primary: RepoCheckout): string[] {
  const others = checkouts.filter((c) => c !== primary).map((c) => `${c.worktree}${sep}`);
  return files.filter((file) => !isAbsolute(file) || !others.some((dir) => resolve(file).startsWith(dir)));
}

export async function mergeInProgress(worktree: string): Promise<boolean> {
  return (await tryGit(worktree, ['rev-parse', '-q', '--verify', 'MERGE_HEAD'])).exitCode === 0;
}

/** Every repo's HEAD commit. */
export async function headsOf(checkouts: readonly RepoCheckout[]): Promise<RepoHeads> {
  const heads: RepoHeads = {};
  for (const checkout of checkouts) heads[checkout.repo.name] = await headOf(checkout.worktree);
  return heads;
}

export async function headOf(worktree: string): Promise<string> {
  return (await runGit(worktree, ['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
}
