import type { RunWorkspace } from '../../workspace/run-workspace/types.js';
import { errorText } from './attempt-outcome.js';

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
