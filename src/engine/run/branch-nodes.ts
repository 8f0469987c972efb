import type { OutcomeSummary } from '../../store/types.js';
import { setNodeOutcome } from './outcome-log.js';
import type { Frame } from './run-scope.js';

/**
 * Branch nodes in `completed_nodes` and `node_outcomes` (issue 9): each branch hands the nodes it
 * finished to its parent frame when it ends, by branch index; when the parallel node itself is
 * recorded they join the parent's history right after it, in branch order (not in the order
 * branches happened to end, so the checkpoint is the same on every run). Later preambles list
 * them with their outcomes, and a goal gate inside a branch counts at the exit like any other.
 * Nested branches pass theirs up the same way.
 */
export function holdBranchNodes(parent: Frame, index: number, nodes: readonly string[], outcomes: Readonly<Record<string, OutcomeSummary>>): void {
  parent.branchNodes ??= [];
  const held = (parent.branchNodes[index] ??= { nodes: [], outcomes: {} });
  held.nodes.push(...nodes);
  for (const id of nodes) {
    const outcome = outcomes[id];
    if (outcome) held.outcomes[id] = outcome;
  }
}

/** After the parallel node's own entry: the nodes its branches finished, then nothing held. */
export function releaseBranchNodes(frame: Frame): void {
  const held = frame.branchNodes;
  if (held === undefined) return;
  frame.branchNodes = undefined;
  for (const branch of held) {
    if (!branch) continue;
    frame.progress.completedNodes.push(...branch.nodes);
    for (const [id, outcome] of Object.entries(branch.outcomes)) setNodeOutcome(frame.progress, id, outcome);
  }
}
