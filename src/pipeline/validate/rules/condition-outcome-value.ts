import { StageStatuses } from '../../../core/outcome.js';
import { ClauseOp, parseCondition } from '../../conditions/index.js';
import { textValue } from '../../graph/model.js';
import { closestMatch } from '../closest.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

const statuses: readonly string[] = StageStatuses;

/**
 * `outcome=sucess` parses but can never hold: outcomes are compared exactly, so a misspelt or
 * capitalised status silently disables the edge.
 */
export const conditionOutcomeValueRule: LintRule = {
  name: 'condition_outcome_value',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    for (const edge of graph.edges) {
      const attr = edge.attrs['condition'];
      if (!attr) continue;
      let clauses;
      try {
        clauses = parseCondition(textValue(attr.value)).clauses;
      } catch {
        continue; // condition_syntax reports it
      }
      for (const clause of clauses) {
        if (clause.key !== 'outcome' || clause.op === ClauseOp.TRUTHY || statuses.includes(clause.value)) continue;
        const guess = closestMatch(clause.value, statuses);
        diagnostics.push({
          rule: 'condition_outcome_value',
          severity: 'warning',
          message: `Edge ${edge.from} -> ${edge.to} compares outcome with "${clause.value}", which is never an outcome (${StageStatuses.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''}`,
          loc: attr.loc,
          edge: { from: edge.from, to: edge.to },
          fix: guess ? `outcome${clause.op}${guess}` : `compare with one of ${StageStatuses.join(', ')}`,
        });
      }
    }
    return diagnostics;
  },
};
