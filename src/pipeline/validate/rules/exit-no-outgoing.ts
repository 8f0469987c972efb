import { outgoingEdges } from '../../graph/model.js';
import type { LintRule } from '../lint-rule.js';

/** Nothing leaves the exit node: the run ends there, so such an edge could never be taken. */
export const exitNoOutgoingRule: LintRule = {
  name: 'exit_no_outgoing',
  apply(graph, ctx) {
    const exit = ctx.exitNode();
    if (!exit) return [];
    return outgoingEdges(graph, exit.id).map((edge) => ({
      rule: 'exit_no_outgoing',
      severity: 'error',
      message: `Exit node ${exit.id} has an outgoing edge to ${edge.to}; the run ends at the exit, so the edge can never be taken.`,
      loc: edge.loc,
      edge: { from: edge.from, to: edge.to },
      fix: 'remove the edge, or draw it from a node before the exit',
    }));
  },
};
