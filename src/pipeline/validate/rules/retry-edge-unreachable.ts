import { parseCondition, ClauseOp } from '../../conditions/index.js';
import { textValue } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/**
 * An edge conditioned on `outcome=retry` can never fire: RETRY is spent in place and becomes FAIL
 * (or PARTIAL_SUCCESS) before edges are selected (decision 2).
 */
export const retryEdgeUnreachableRule: LintRule = {
  name: 'retry_edge_unreachable',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    for (const edge of graph.edges) {
      const attr = edge.attrs['condition'];
      if (!attr) continue;
      const text = textValue(attr.value);
      let retryClause = false;
      try {
        retryClause = parseCondition(text).clauses.some((c) => c.key === 'outcome' && c.op === ClauseOp.EQUALS && c.value === 'retry');
      } catch {
        continue; // condition_syntax reports it
      }
      if (!retryClause) continue;
      diagnostics.push({
        rule: 'retry_edge_unreachable',
        severity: 'warning',
        message: `Edge ${edge.from} -> ${edge.to} has condition "${text}", which never holds: a RETRY outcome is retried in place and becomes FAIL when the retries run out.`,
        loc: attr.loc,
        edge: { from: edge.from, to: edge.to },
        fix: 'route on outcome=fail instead, and set max_retries on the node for the retries',
      });
    }
    return diagnostics;
  },
};
