import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { oneLine } from '../commit-message.js';
import { conflictedFiles } from '../conflicted-files.js';
import { identityArgs } from '../git-identity.js';
import { gitFailure, runGit, tryGit } from '../run-git.js';
import { headsOf, mergeInProgress } from './commit-repos.js';
import { filesWithMarkers } from './conflict-markers.js';
import type { RepoCheckout } from './options.js';
import type { MergeResult } from './types.js';

/** One merge to make: `branch` into `into`'s worktree. */
export interface MergeStep {
  into: RepoCheckout;
  branch: string;
}

export interface MergeScope {
  runId: string;
  node: string;
}

/**
 * The merges a fan-in makes, in this order: repo by repo in the config's order, and within a repo the branches
 * in the order given (the parallel node's branch index order). A conflict stops there, so a branch never
 * merges on top of a half-resolved one; what merged before it stays merged.
 */
export function mergeSteps(into: readonly RepoCheckout[], branches: readonly { branches: Readonly<Record<string, string>> }[]): MergeStep[] {
  return into.flatMap((checkout) =>
    branches.flatMap((workspace) => {
      const branch = workspace.branches[checkout.repo.name];
      return branch === undefined ? [] : [{ into: checkout, branch }];
    }),
  );
}

/** Makes the merges from `from` on; a branch with no commits the target lacks is skipped (no empty merge commit). */
export async function runMerges(steps: readonly MergeStep[], from: number, scope: MergeScope, all: readonly RepoCheckout[]): Promise<MergeResult> {
  for (let i = from; i < steps.length; i++) {
    const step = steps[i]!;
    const dir = step.into.worktree;
    const ref = `refs/heads/${step.branch}`;
    if ((await runGit(dir, ['rev-list', '--count', `HEAD..${ref}`])).trim() === '0') continue;
    const args = ['merge', '--no-ff', '--no-verify', '--quiet', '-m', mergeMessage(step, scope), ref];
    const result = await tryGit(dir, [...(await identityArgs(dir)), ...args]);
    if (result.exitCode === 0) continue;
    const files = await conflictedFiles(dir);
    if (files.length === 0) {
      await tryGit(dir, ['merge', '--abort']);
      throw gitFailure(dir, args, result, `Merging ${step.branch} in repo ${step.into.repo.name} failed without a conflict; run the merge in ${dir} to see why.`);
    }
    return {
      kind: 'conflict',
      repo: step.into.repo.name,
      branch: step.branch,
      files,
      worktree: dir,
      abort: async () => {
        await runGit(dir, ['merge', '--abort']);
      },
      conclude: async () => {
        await concludeMerge(step, files);
        return runMerges(steps, i + 1, scope, all);
      },
    };
  }
  return { kind: 'merged', heads: await headsOf(all) };
}

function mergeMessage(step: MergeStep, scope: MergeScope): string {
  return [
    `Merge ${step.branch} into ${step.into.branch}`,
    '',
    `Orchestra-Run: ${oneLine(scope.runId)}`,
    `Orchestra-Node: ${oneLine(scope.node)}`,
    `Orchestra-Branch: ${step.branch}`,
  ].join('\n');
}

/**
 * Commits a merge whose conflicts were resolved in the worktree: refused while a conflicted file still holds
 * markers, and while git still sees unmerged paths. Every change in the worktree goes into the merge commit
 * (a resolution may touch other files too); the resolver need not `git add`.
 */
async function concludeMerge(step: MergeStep, files: readonly string[]): Promise<void> {
  const dir = step.into.worktree;
  const what = `the merge of ${step.branch} in repo ${step.into.repo.name}`;
  if (!(await mergeInProgress(dir))) {
    throw new OrchestraError(ErrorCode.MERGE_CONFLICT, `Cannot conclude ${what}: no merge is in progress in ${dir} (it was aborted or concluded).`, {
      hint: 'Merge the branches again.',
    });
  }
  const marked = await filesWithMarkers(dir, files);
  if (marked.length > 0) throw unresolved(what, dir, marked, 'still hold conflict markers');
  await runGit(dir, ['add', '--all']);
  const unmerged = await conflictedFiles(dir);
  if (unmerged.length > 0) throw unresolved(what, dir, unmerged, 'are still unmerged');
  await runGit(dir, [...(await identityArgs(dir)), 'commit', '--no-edit', '--no-verify', '--quiet']);
}

function unresolved(what: string, dir: string, files: readonly string[], why: string): OrchestraError {
  return new OrchestraError(ErrorCode.MERGE_CONFLICT, `Cannot conclude ${what}: ${files.join(', ')} ${why}.`, {
    hint: `Resolve the conflicts in ${dir} (keep the right lines, remove the <<<<<<< and >>>>>>> markers), then conclude again; or abort the merge.`,
    detail: files.map((file) => `  ${file}`).join('\n'),
  });
}
