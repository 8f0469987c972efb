import { dirname } from 'node:path';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { makePrivateDir } from '../core/private-files.js';
import { branchExists } from './project-root.js';
import { requireBranch } from './require-branch.js';
import { runGit } from './run-git.js';
import { canonicalPath } from './canonical-path.js';
import { validateRefName } from './ref-name.js';
import { parseWorktreeList, type WorktreeEntry } from './worktree-list.js';
import { withRepoLock } from './repo-lock.js';

export interface CreateWorktreeOptions {
  /** The main checkout. */
  root: string;
  path: string;
  /** The task branch; created from `baseBranch` unless it exists already. */
  branch: string;
  baseBranch: string;
}

/**
 * Adds a worktree at `path` on `branch`. Idempotent, so a start retried after a crash picks up where it was:
 * an existing `branch` is reused, and a `path` that already is a worktree of `branch` is left as it is.
 */
export async function createWorktree(o: CreateWorktreeOptions): Promise<{ created: boolean }> {
  validateRefName(o.branch, 'the task branch');
  return withRepoLock(await canonicalPath(o.root), () => addWorktree(o));
}

async function addWorktree(o: CreateWorktreeOptions): Promise<{ created: boolean }> {
  // A crash may have left a registration whose directory is gone; git refuses to add over it until pruned.
  await runGit(o.root, ['worktree', 'prune']);
  const existing = await findWorktree(o.root, o.path);
  if (existing !== undefined) {
    if (existing.branch === o.branch) return { created: false };
    throw new OrchestraError(ErrorCode.GIT, `${o.path} is already a worktree of ${existing.branch ?? 'a detached HEAD'}, not of ${o.branch}.`, {
      hint: `Remove it with \`git worktree remove ${o.path}\` or choose another task.`,
    });
  }
  // git would create the parents with the umask's mode; the worktrees under Orchestra's home stay private.
  await makePrivateDir(dirname(o.path));
  const hint = `Check that ${o.path} does not exist yet (or is empty) and that ${o.branch} is not checked out elsewhere (\`git worktree list\`).`;
  if (await branchExists(o.root, o.branch)) {
    await runGit(o.root, ['worktree', 'add', o.path, o.branch], { hint });
  } else {
    await requireBranch(o.root, o.baseBranch, 'base branch');
    await runGit(o.root, ['worktree', 'add', '-b', o.branch, o.path, o.baseBranch], { hint });
  }
  return { created: true };
}

/** Removes the worktree at `path` and prunes stale registrations; a path that is not (or no longer) a worktree is fine. */
export async function removeWorktree(o: { root: string; path: string; force?: boolean }): Promise<void> {
  await withRepoLock(await canonicalPath(o.root), () => dropWorktree(o));
}

async function dropWorktree(o: { root: string; path: string; force?: boolean }): Promise<void> {
  const existing = await findWorktree(o.root, o.path);
  if (existing !== undefined && existing.prunable !== true) {
    const args = ['worktree', 'remove', ...(o.force === true ? ['--force'] : []), o.path];
    await runGit(o.root, args, { hint: 'The worktree has uncommitted changes: commit them, or remove it with force.' });
  }
  await runGit(o.root, ['worktree', 'prune']);
}

/** Deletes a local branch even when unmerged (a squash or rebase merge leaves it so); a missing branch is fine. */
export async function deleteBranch(root: string, branch: string): Promise<void> {
  if (!(await branchExists(root, branch))) return;
  await runGit(root, ['branch', '-D', branch], { hint: `A branch cannot be deleted while a worktree has it checked out: remove that worktree first.` });
}

/** Every worktree of the repository, the main checkout first. */
export async function listWorktrees(root: string): Promise<WorktreeEntry[]> {
  return parseWorktreeList(await runGit(root, ['worktree', 'list', '--porcelain']));
}

async function findWorktree(root: string, path: string): Promise<WorktreeEntry | undefined> {
  const wanted = await canonicalPath(path);
  for (const entry of await listWorktrees(root)) {
    if (entry.path === wanted || (await canonicalPath(entry.path)) === wanted) return entry;
  }
  return undefined;
}
