import { incomingEdges } from '../../graph/model.js';
import type { LintRule } from '../lint-rule.js';

/** Nothing leads back into the start node: it runs once, at the beginning. */
export const startNoIncomingRule: LintRule = {
  name: 'start_no_incoming',
  apply(graph, ctx) {
    const start = ctx.startNode();
    if (!start) return [];
    return incomingEdges(graph, start.id).map((edge) => ({
      rule: 'start_no_incoming',
      severity: 'error',
      message: `Start node ${start.id} has an incoming edge from ${edge.from}; the start runs only once, at the beginning.`,
      loc: edge.loc,
      edge: { from: edge.from, to: edge.to },
      fix: `point the edge at the node after ${start.id} instead`,
    }));
  },
};
