import { outgoingEdges, textValue } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/**
 * Conditions on the edges of a human gate are evaluated before the human's choice, so a condition
 * that holds overrides the answer (decision 5).
 */
export const humanGateConditionalEdgeRule: LintRule = {
  name: 'human_gate_conditional_edge',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (ctx.handlerType(node) !== 'wait.human') continue;
      for (const edge of outgoingEdges(graph, node.id)) {
        const attr = edge.attrs['condition'];
        if (!attr || textValue(attr.value).trim() === '') continue;
        diagnostics.push({
          rule: 'human_gate_conditional_edge',
          severity: 'warning',
          message: `Edge ${edge.from} -> ${edge.to} leaves human gate ${node.id} with condition "${textValue(attr.value)}", which is checked before the human's choice and overrides it when it holds.`,
          loc: attr.loc,
          edge: { from: edge.from, to: edge.to },
          fix: `remove the condition and give the edge a label for the human to choose: ${edge.from} -> ${edge.to} [label="..."]`,
        });
      }
    }
    return diagnostics;
  },
};
