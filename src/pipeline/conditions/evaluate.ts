import { ClauseOp, type Clause, type Condition } from './condition.js';
import { parseCondition } from './parse.js';

/** What a condition can see. The engine supplies `lookup` over its run context. */
export interface ConditionEnv {
  /** The current node's status: success, partial_success, retry or fail. */
  outcome: string;
  preferredLabel: string;
  lookup(key: string): string | undefined;
}

// Edge conditions are re-evaluated after every node; parsing each distinct text once is enough.
const parsedCache = new Map<string, Condition>();
const cacheLimit = 1_000;

/** Evaluates a condition (digest §9, decision 12). A string is parsed first and may throw. */
export function evaluateCondition(condition: Condition | string, env: ConditionEnv): boolean {
  const parsed = typeof condition === 'string' ? parseCached(condition) : condition;
  return parsed.clauses.every((clause) => evaluateClause(clause, env));
}

/** The value a key resolves to; missing keys resolve to the empty string. */
export function resolveConditionKey(key: string, env: ConditionEnv): string {
  if (key === 'outcome') return env.outcome;
  if (key === 'preferred_label') return env.preferredLabel;
  if (key.startsWith('context.')) {
    return env.lookup(key) ?? env.lookup(key.slice('context.'.length)) ?? '';
  }
  return env.lookup(key) ?? '';
}

/** A bare key holds unless its value is empty, `false` or `0`. */
export function isTruthyConditionValue(value: string): boolean {
  return value !== '' && value !== 'false' && value !== '0';
}

function evaluateClause(clause: Clause, env: ConditionEnv): boolean {
  const actual = resolveConditionKey(clause.key, env);
  switch (clause.op) {
    case ClauseOp.EQUALS:
      return actual === clause.value;
    case ClauseOp.NOT_EQUALS:
      return actual !== clause.value;
    case ClauseOp.TRUTHY:
      return isTruthyConditionValue(actual);
  }
}

function parseCached(text: string): Condition {
  let parsed = parsedCache.get(text);
  if (!parsed) {
    parsed = parseCondition(text);
    if (parsedCache.size >= cacheLimit) parsedCache.clear();
    parsedCache.set(text, parsed);
  }
  return parsed;
}
