import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/** Every declared node can be reached from the start (decision 4: an orphan is an ERROR). */
export const reachabilityRule: LintRule = {
  name: 'reachability',
  apply(graph, ctx) {
    const start = ctx.startNode();
    if (!start) return [];
    const reachable = ctx.reachableFromStart();
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      // Undeclared nodes are edge_target_exists's to report.
      if (reachable.has(node.id) || node.implicit) continue;
      diagnostics.push({
        rule: 'reachability',
        severity: 'error',
        message: `Node ${node.id} is unreachable from start (orphan): no chain of edges leads to it from ${start.id}.`,
        loc: node.loc,
        nodeId: node.id,
        fix: `add an edge that leads to ${node.id}, or delete it`,
      });
    }
    return diagnostics;
  },
};
