import type { OrchestraError } from '../../core/errors.js';
import { conditionError, type ConditionPlace } from './condition-error.js';

const combineHint = 'Conditions know only =, != and &&: not supported; combine clauses with &&.';

// Operators and words the spec reserves for later (digest §9), each with what to write today.
const reservedHints: Readonly<Record<string, string>> = {
  '||': `${combineHint} For alternatives, draw one edge per alternative.`,
  or: `${combineHint} For alternatives, draw one edge per alternative.`,
  and: 'Write && between clauses: outcome=success && context.ready=true.',
  '|': `${combineHint} For alternatives, draw one edge per alternative.`,
  '&': 'Write && between clauses: outcome=success && context.ready=true.',
  '==': 'Write a single = for equality: outcome=success.',
  '!': 'Write key!=value to negate a comparison.',
  not: 'Write key!=value to negate a comparison.',
  '<': `${combineHint} Values compare as text with = and != only.`,
  '>': `${combineHint} Values compare as text with = and != only.`,
  '<=': `${combineHint} Values compare as text with = and != only.`,
  '>=': `${combineHint} Values compare as text with = and != only.`,
  contains: `${combineHint} Values compare exactly with = and !=.`,
  matches: `${combineHint} Values compare exactly with = and !=.`,
  '(': 'Conditions have no grouping: not supported; combine clauses with &&.',
  ')': 'Conditions have no grouping: not supported; combine clauses with &&.',
};

/** True for words that are reserved operators when they stand where an operator would. */
export function isReservedWord(word: string): boolean {
  return /^[a-z]+$/i.test(word) && Object.hasOwn(reservedHints, word.toLowerCase());
}

export function reservedOperatorError(
  source: string,
  operator: string,
  column: number,
  place?: ConditionPlace,
): OrchestraError {
  const hint = reservedHints[operator.toLowerCase()] ?? combineHint;
  return conditionError(
    source,
    { column, width: operator.length },
    `operator "${operator}" is not supported.`,
    hint,
    place,
  );
}
