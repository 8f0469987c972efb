import type { Frame } from './run-scope.js';

/**
 * Branch nodes in `completed_nodes` (issue 9): each branch hands the nodes it finished to its
 * parent frame when it ends, by branch index; when the parallel node itself is recorded they join
 * the parent's list right after it, in branch order (not in the order branches happened to end,
 * so the checkpoint is the same on every run). Nested branches pass theirs up the same way.
 */
export function holdBranchNodes(parent: Frame, index: number, finished: readonly string[]): void {
  parent.branchNodes ??= [];
  (parent.branchNodes[index] ??= []).push(...finished);
}

/** After the parallel node's own entry: the nodes its branches finished, then nothing held. */
export function releaseBranchNodes(frame: Frame): void {
  const held = frame.branchNodes;
  if (held === undefined) return;
  frame.branchNodes = undefined;
  for (const nodes of held) if (nodes) frame.progress.completedNodes.push(...nodes);
}
