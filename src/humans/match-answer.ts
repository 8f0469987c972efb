import { normalizeLabel } from './accelerator.js';
import type { Question, QuestionOption } from './interviewer.js';

export interface MatchOptions {
  /** Also accept `1`..`n` for the n-th option (the console offers this; a human gate does not). */
  allowNumber?: boolean;
}

/**
 * Finds the option an answer names (decision 5): by key (case-insensitive), then by normalized
 * label, then by the option's id (a gate's edge target), then, when allowed, by 1-based number.
 * Returns undefined when nothing matches, so the caller can ask again or fail naming the choices.
 */
export function matchAnswer(question: Pick<Question, 'options'>, text: string, options: MatchOptions = {}): QuestionOption | undefined {
  const answer = text.trim();
  if (answer === '') return undefined;
  const { options: choices } = question;
  const upper = answer.toUpperCase();
  const byKey = choices.find((o) => o.key.toUpperCase() === upper);
  if (byKey) return byKey;
  const normalized = normalizeLabel(answer);
  const byLabel = choices.find((o) => normalizeLabel(o.label) === normalized);
  if (byLabel) return byLabel;
  const byId = choices.find((o) => o.id !== undefined && o.id === answer);
  if (byId) return byId;
  if (options.allowNumber && /^\d+$/.test(answer)) return choices[Number(answer) - 1];
  return undefined;
}

/** `[A] Approve, [R] Reject`: how an error or a re-ask names the allowed answers. */
export function describeChoices(question: Pick<Question, 'options'>): string {
  return question.options.map((o) => `[${o.key}] ${o.label}`).join(', ');
}
