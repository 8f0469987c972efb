import { isOrchestraError } from '../../../core/errors.js';
import { parseCondition } from '../../conditions/index.js';
import { textValue, type Attribute } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintContext, LintRule } from '../lint-rule.js';

/** Every edge `condition` (and node `manager.stop_condition`) parses (digest §9). */
export const conditionSyntaxRule: LintRule = {
  name: 'condition_syntax',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const edge of graph.edges) {
      const attr = edge.attrs['condition'];
      const problem = attr && checkCondition(attr, ctx);
      if (problem) diagnostics.push({ ...problem, edge: { from: edge.from, to: edge.to } });
    }
    for (const node of graph.nodes.values()) {
      const attr = node.attrs['manager.stop_condition'];
      const problem = attr && checkCondition(attr, ctx);
      if (problem) diagnostics.push({ ...problem, nodeId: node.id });
    }
    return diagnostics;
  },
};

function checkCondition(attr: Attribute, ctx: LintContext): Diagnostic | undefined {
  const locate = ctx.locateInValue(attr);
  try {
    parseCondition(textValue(attr.value), { locate });
    return undefined;
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    return {
      rule: 'condition_syntax',
      severity: 'error',
      message: error.message,
      loc: error.location ?? attr.loc,
      fix: error.hint,
    };
  }
}
