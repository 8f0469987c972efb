import { ErrorCode, OrchestraError } from '../core/errors.js';
import { plural } from '../core/plural.js';
import { canonicalPath } from './canonical-path.js';
import { dirtyFiles } from './dirty-files.js';
import { mergeInCheckout } from './merge-in-checkout.js';
import { validateMergeMode, type MergeMode } from './merge-mode.js';
import { requireBranch } from './require-branch.js';
import { runGit } from './run-git.js';
import { withTempWorktree } from './temp-worktree.js';
import { listWorktrees } from './worktrees.js';

export interface MergeBranchOptions {
  /** The main checkout. */
  root: string;
  /** The task branch. */
  branch: string;
  baseBranch: string;
  mode: MergeMode;
  /** Commit message for `merge` and `squash`; `rebase` fast-forwards and makes no commit of its own. */
  message: string;
}

/**
 * Merges a task branch into its base branch, or refuses leaving nothing half-done: E_DIRTY_CHECKOUT when the
 * checkout that has the base branch is dirty, E_MERGE_CONFLICT (listing the files) when the merge conflicts.
 * Works in the checkout that has the base branch (usually the main one); when none has it, in a temporary
 * worktree. Returns the base branch's new head and the files the merge changed on it.
 * @example await mergeBranch({ root, branch: 'orchestra/4-docs', baseBranch: 'main', mode: 'squash', message: 'Add docs' })
 */
export async function mergeBranch(o: MergeBranchOptions): Promise<{ commit: string; files: string[] }> {
  validateMergeMode(o.mode);
  if (o.mode !== 'rebase' && o.message.trim() === '') {
    throw new OrchestraError(ErrorCode.USAGE, 'Expected the merge message to be non-empty text, got "".');
  }
  await requireBranch(o.root, o.branch, 'task branch');
  await requireBranch(o.root, o.baseBranch, 'base branch');
  const before = await headOf(o.root, o.baseBranch);
  const ahead = (await runGit(o.root, ['rev-list', '--count', `${o.baseBranch}..${o.branch}`])).trim();
  if (ahead === '0') return { commit: before, files: [] };

  const holder = await checkoutHolding(o.root, o.baseBranch);
  const merge = async (dir: string) => {
    await refuseDirty(dir, o.root);
    await mergeInCheckout({ ...o, dir });
  };
  if (holder === undefined) await withTempWorktree({ root: o.root, at: o.baseBranch }, merge);
  else await merge(holder);

  const commit = await headOf(o.root, o.baseBranch);
  const files = (await runGit(o.root, ['diff', '--name-only', '-z', before, commit])).split('\0').filter((f) => f !== '');
  return { commit, files };
}

async function headOf(root: string, branch: string): Promise<string> {
  return (await runGit(root, ['rev-parse', '--verify', `refs/heads/${branch}^{commit}`])).trim();
}

// A branch can be checked out in one worktree only, so when one has it the merge has to happen there.
async function checkoutHolding(root: string, branch: string): Promise<string | undefined> {
  const entry = (await listWorktrees(root)).find((w) => w.branch === branch && w.prunable !== true);
  return entry?.path;
}

async function refuseDirty(dir: string, root: string): Promise<void> {
  const files = await dirtyFiles(dir);
  if (files.length === 0) return;
  const which = (await canonicalPath(dir)) === (await canonicalPath(root)) ? 'The main checkout' : 'The checkout';
  throw new OrchestraError(ErrorCode.DIRTY_CHECKOUT, `${which} ${dir} has uncommitted changes in ${plural(files.length, 'file')}: ${files.join(', ')}.`, {
    hint: 'Commit or stash them, then merge again. Nothing was changed.',
    detail: files.map((file) => `  ${file}`).join('\n'),
  });
}
