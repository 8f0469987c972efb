import { ErrorCode, OrchestraError } from '../core/errors.js';
import { plural } from '../core/plural.js';
import { conflictedFiles } from './conflicted-files.js';
import { identityArgs } from './git-identity.js';
import type { MergeMode } from './merge-mode.js';
import { gitFailure, runGit, tryGit } from './run-git.js';
import { withTempWorktree } from './temp-worktree.js';

export interface MergeInCheckoutOptions {
  root: string;
  /** A clean checkout that has `baseBranch` checked out. */
  dir: string;
  branch: string;
  baseBranch: string;
  mode: MergeMode;
  message: string;
}

/**
 * Lands `branch` on the base branch checked out in `dir`. On any failure the checkout is put back exactly as it
 * was (merge --abort / reset --merge) before the error is thrown: E_MERGE_CONFLICT listing the files, else E_GIT.
 */
export async function mergeInCheckout(o: MergeInCheckoutOptions): Promise<void> {
  const before = (await runGit(o.dir, ['rev-parse', 'HEAD'])).trim();
  const identity = await identityArgs(o.dir);
  const conflict = { branch: o.branch, baseBranch: o.baseBranch };
  if (o.mode === 'merge') {
    const restore = () => abortMerge(o.dir, before);
    await attempt(o.dir, [...identity, 'merge', '--no-ff', '--no-edit', '-m', o.message, o.branch], restore, conflict);
  } else if (o.mode === 'squash') {
    const restore = () => resetTo(o.dir, before);
    await attempt(o.dir, [...identity, 'merge', '--squash', o.branch], restore, conflict);
    const staged = await tryGit(o.dir, ['diff', '--cached', '--quiet']);
    // The task's changes are on the base already (e.g. cherry-picked): nothing to commit, nothing to keep.
    if (staged.exitCode === 0) return restore();
    await attempt(o.dir, [...identity, 'commit', '--quiet', '-m', o.message], restore, conflict);
  } else {
    const tip = await rebasedTip(o.root, o.branch, o.baseBranch, identity);
    await attempt(o.dir, ['merge', '--ff-only', '--quiet', tip], () => Promise.resolve(), conflict);
  }
}

// The task branch itself is left where it is: its worktree may have it checked out, and moving the ref
// under that worktree would make its files look like reverted changes.
async function rebasedTip(root: string, branch: string, baseBranch: string, identity: string[]): Promise<string> {
  return withTempWorktree({ root, at: branch, detach: true }, async (dir) => {
    const restore = async () => void (await tryGit(dir, ['rebase', '--abort']));
    await attempt(dir, [...identity, 'rebase', '--quiet', baseBranch], restore, { branch, baseBranch });
    return (await runGit(dir, ['rev-parse', 'HEAD'])).trim();
  });
}

async function attempt(dir: string, args: string[], restore: () => Promise<void>, c: { branch: string; baseBranch: string }): Promise<void> {
  const result = await tryGit(dir, args);
  if (result.exitCode === 0) return;
  const files = await conflictedFiles(dir).catch(() => []);
  await restore();
  if (files.length === 0) throw gitFailure(dir, args, result, 'Nothing was changed. Fix the cause above, then merge again.');
  throw new OrchestraError(ErrorCode.MERGE_CONFLICT, `Merging ${c.branch} into ${c.baseBranch} conflicts in ${plural(files.length, 'file')}: ${files.join(', ')}.`, {
    hint: `Nothing was changed. Bring ${c.baseBranch} into the task first (e.g. \`git merge ${c.baseBranch}\` in its worktree), resolve the conflicts there, then merge again.`,
    detail: files.map((file) => `  ${file}`).join('\n'),
  });
}

async function abortMerge(dir: string, before: string): Promise<void> {
  const inMerge = await tryGit(dir, ['rev-parse', '--quiet', '--verify', 'MERGE_HEAD']);
  if (inMerge.exitCode === 0) await runGit(dir, ['merge', '--abort']);
  else await resetTo(dir, before);
}

// --merge, not --hard: it undoes what the merge touched and keeps unrelated local changes (.orchestra/ task files).
async function resetTo(dir: string, before: string): Promise<void> {
  await runGit(dir, ['reset', '--merge', '--quiet', before]);
}
