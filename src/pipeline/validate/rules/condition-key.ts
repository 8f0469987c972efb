import { closestName } from '../../../core/closest-name.js';
import { ClauseOp, parseCondition, type Clause } from '../../conditions/index.js';
import { textValue, type Attribute } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintContext, LintRule } from '../lint-rule.js';

// Any other key is a context key, so only one close to these is likely a typo.
const builtInKeys = ['outcome', 'preferred_label'];
const contextPrefix = 'context';

/**
 * `outcom=fail` parses (it reads a context key that is never set), so the edge is silently dead.
 * A key or `context.` prefix one typo away from a built-in one gets a did-you-mean.
 */
export const conditionKeyRule: LintRule = {
  name: 'condition_key',
  apply(graph, ctx) {
    return graph.edges.flatMap((edge) => {
      const attr = edge.attrs['condition'];
      return attr ? checkKeys(attr, ctx).map((d) => ({ ...d, edge: { from: edge.from, to: edge.to } })) : [];
    });
  },
};

function checkKeys(attr: Attribute, ctx: LintContext): Diagnostic[] {
  let clauses;
  try {
    clauses = parseCondition(textValue(attr.value)).clauses;
  } catch {
    return []; // condition_syntax reports it
  }
  const locate = ctx.locateInValue(attr);
  const diagnostics: Diagnostic[] = [];
  for (const clause of clauses) {
    const guess = suggestKey(clause.key);
    if (guess === undefined) continue;
    diagnostics.push({
      rule: 'condition_key',
      severity: 'warning',
      message: `Condition key "${clause.key}" is no built-in key, so it reads a context value that is likely never set. Did you mean "${guess}"?`,
      loc: locate(clause.column - 1) ?? attr.loc,
      fix: rewrite(clause, guess),
    });
  }
  return diagnostics;
}

/** The intended key when `key` is one typo away from a built-in key or from the `context.` prefix. */
export function suggestKey(key: string): string | undefined {
  if (builtInKeys.includes(key) || key.startsWith(`${contextPrefix}.`)) return undefined;
  const dot = key.indexOf('.');
  if (dot > 0) {
    const prefix = closestName(key.slice(0, dot), [contextPrefix]);
    return prefix === undefined ? undefined : `${prefix}${key.slice(dot)}`;
  }
  return closestName(key, builtInKeys);
}

function rewrite(clause: Clause, key: string): string {
  return clause.op === ClauseOp.TRUTHY ? key : `${key}${clause.op}${clause.value}`;
}
