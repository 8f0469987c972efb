import { isSuccessful } from '../../core/outcome.js';
import type { Graph } from '../../pipeline/graph/model.js';
import { ownerOf, readBool } from '../../pipeline/graph/attr-read.js';
import type { OutcomeSummary } from '../../store/types.js';
import { gateRetryTarget, type RetryTargetSource } from './retry-target.js';

export type GateCheck =
  | { kind: 'pass' }
  | { kind: 'redirect'; gate: string; target: string; source: RetryTargetSource }
  | { kind: 'fail'; gate: string; message: string };

/**
 * The exit check of digest §10. Gates are visited in first-visit order (decision 11), taken from
 * `completedNodes` rather than object key order, which puts numeric-looking ids first.
 */
export function checkGoalGates(graph: Graph, completedNodes: readonly string[], nodeOutcomes: Readonly<Record<string, OutcomeSummary>>): GateCheck {
  for (const id of new Set(completedNodes)) {
    const node = graph.nodes.get(id);
    const outcome = nodeOutcomes[id];
    if (!node || !outcome || !(readBool(node.attrs, 'goal_gate', ownerOf(node)) ?? false)) continue;
    if (isSuccessful(outcome.status)) continue;
    const retry = gateRetryTarget(node, graph);
    if (retry) return { kind: 'redirect', gate: id, ...retry };
    return {
      kind: 'fail',
      gate: id,
      message: `Goal gate "${id}" is unsatisfied (its last outcome was ${outcome.status}) and no retry target is set`,
    };
  }
  return { kind: 'pass' };
}
