import type { Frame, RunScope } from './run-scope.js';
import { setWorkspaceHeads } from './workspace-heads.js';

/**
 * Issue 14: what a node left in its worktrees (a tool's files, a CLI agent's whole call, an agent's
 * files its turns did not commit) is committed once its final outcome is known, before its
 * checkpoint; every repo's HEAD then goes into the frame's context, so the checkpoint records it.
 * A parallel branch commits in its own worktrees.
 */
export async function commitNodeWork(scope: Pick<RunScope, 'runId' | 'workspace'>, frame: Pick<Frame, 'workspace' | 'progress'>, nodeId: string): Promise<void> {
  const workspace = frame.workspace ?? scope.workspace;
  if (!workspace) return;
  const heads = await workspace.commit({ runId: scope.runId, node: nodeId });
  setWorkspaceHeads(frame.progress.context, heads);
}
