import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { branchNameProblem } from '../../core/git-ref-format.js';
import { sessionWorktreePath } from '../session-worktree.js';
import { createWorktree } from '../worktrees.js';
import type { RepoCheckout } from './options.js';

/**
 * The folder and branch part for branch `index` of parallel node `node`. DOT ids can be quoted strings holding
 * any character; those outside letters, digits, ".", "_" and "-" become "_" so the name stays one path segment
 * and a valid branch name, and a hash of the id then keeps two such ids ("a b", "a_b") apart.
 */
export function branchSuffix(node: string, index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`unreachable: a branch index is a whole number, got ${index}`);
  const safe = node.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '').replace(/\.+/g, '.');
  const name = safe === node && safe !== '' ? safe : `${safe || 'node'}_${createHash('sha256').update(node).digest('hex').slice(0, 8)}`;
  return `${name}-${index}`;
}

/**
 * A worktree per repo for a parallel branch: `{worktreesRoot}/{runId}/branches/{node}-{index}/{repo}` on
 * `{parent branch}--{node}-{index}`, made at the parent's HEAD; an existing one (a resumed run's) is reused as it is.
 * A branch of a branch (a parallel node inside a parallel branch) goes to `{parent folder}--{node}-{index}`, so
 * that two outer branches running the same inner node do not share a folder.
 */
export async function branchCheckouts(parents: readonly RepoCheckout[], worktreesRoot: string, runId: string, node: string, index: number): Promise<RepoCheckout[]> {
  const suffix = branchSuffix(node, index);
  const planned = parents.map((parent) => {
    const branch = `${parent.branch}--${suffix}`;
    const problem = branchNameProblem(branch);
    if (problem !== undefined) {
      throw new OrchestraError(ErrorCode.GIT, `Workspace repo ${parent.repo.name}: git refuses the branch name ${JSON.stringify(branch)} for branch ${index} of node ${node}: ${problem}.`, {
        hint: 'Rename the parallel node (letters, digits and _) in the pipeline.',
      });
    }
    const branchFolder = parent.branchFolder === undefined ? suffix : `${parent.branchFolder}--${suffix}`;
    const worktree = sessionWorktreePath(join(worktreesRoot, runId, 'branches'), branchFolder, parent.repo.name);
    return { repo: parent.repo, worktree, branch, parentBranch: parent.branch, branchFolder };
  });
  for (const checkout of planned) {
    await createWorktree({ root: checkout.repo.path, path: checkout.worktree, branch: checkout.branch, baseBranch: checkout.parentBranch });
  }
  return planned;
}
