import type { Condition } from './condition.js';

/** The keys a condition reads, in first-use order without repeats (for lint rules). */
export function conditionKeys(condition: Condition): string[] {
  return [...new Set(condition.clauses.map((clause) => clause.key))];
}
