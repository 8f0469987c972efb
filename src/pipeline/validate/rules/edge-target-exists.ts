import { closestName, didYouMean } from '../../../core/closest-name.js';
import { formatLocation } from '../../../core/source-location.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/**
 * Every edge endpoint is a declared node (decision 27): an undeclared one is most likely a typo,
 * which would otherwise become a silent LLM stage. Reported once per node, at its first edge.
 */
export const edgeTargetExistsRule: LintRule = {
  name: 'edge_target_exists',
  apply(graph) {
    const reported = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    const declared = [...graph.nodes.values()].filter((node) => !node.implicit).map((node) => node.id);
    for (const edge of graph.edges) {
      for (const id of [edge.from, edge.to]) {
        const node = graph.nodes.get(id);
        if ((node && !node.implicit) || reported.has(id)) continue;
        reported.add(id);
        const guess = closestName(id, declared);
        diagnostics.push({
          rule: 'edge_target_exists',
          severity: 'error',
          message: `Edge ${edge.from} -> ${edge.to} at ${formatLocation(edge.loc)} names node ${id}, which is never declared.${didYouMean(id, declared)}`,
          loc: edge.loc,
          edge: { from: edge.from, to: edge.to },
          nodeId: id,
          fix: guess ? `write ${guess} instead, or declare ${id} [label="..."]` : `declare it: ${id} [label="..."]`,
        });
      }
    }
    return diagnostics;
  },
};
