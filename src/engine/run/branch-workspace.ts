import type { RepoHeads, RunWorkspace } from '../../workspace/run-workspace/types.js';
import type { BranchRequest } from '../handler.js';
import { errorText } from './attempt-outcome.js';

/**
 * A parallel branch's own worktrees (issue 14): per repo, a worktree on a branch off the parent
 * walk's HEAD (the session's, or an outer branch's), named after the parallel node and the branch
 * index, so that the fan-in finds it again with the same call. A resumed branch (`resumed`: it has
 * steps a crashed process committed) reopens its worktree with the work of those steps. A branch
 * starting afresh that finds one left by an earlier attempt or visit of the parallel node (a
 * failed branch the fan-in did not merge) starts it again from the parent's HEAD: a retry runs
 * its branches anew, in files as in context.
 */
export async function openBranchWorkspace(parent: RunWorkspace, request: Pick<BranchRequest, 'parentNode' | 'index'>, resumed: boolean): Promise<RunWorkspace> {
  const workspace = await parent.branch(request.parentNode, request.index);
  if (resumed) return workspace;
  const [own, parentHeads] = await Promise.all([workspace.heads(), parent.heads()]);
  if (sameHeads(own, parentHeads)) return workspace;
  await workspace.dispose();
  return parent.branch(request.parentNode, request.index);
}

export function sameHeads(a: RepoHeads, b: RepoHeads): boolean {
  const repos = Object.keys(a);
  return repos.length === Object.keys(b).length && repos.every((repo) => a[repo] === b[repo]);
}

/**
 * Commits what a branch node left in the branch's worktrees, before its step is recorded, so the
 * fan-in merges every node's work. Undefined when done; else why the branch must fail (work that
 * cannot be committed would silently miss the merge).
 */
export async function commitBranchNode(workspace: RunWorkspace, runId: string, node: string): Promise<string | undefined> {
  try {
    await workspace.commit({ runId, node });
    return undefined;
  } catch (error) {
    return `Could not commit what node "${node}" left in the branch's worktree ${workspace.primary}: ${errorText(error)}`;
  }
}
