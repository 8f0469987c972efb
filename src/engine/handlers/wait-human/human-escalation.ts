import { parseDocument } from 'yaml';
import { tryParseDuration } from '../../../core/duration.js';
import { isOrchestraError } from '../../../core/errors.js';
import { resolveSla } from '../../../humans/sla/resolve-sla.js';
import type { FormDefinition } from '../../../store/human-task-types.js';
import { choiceForAnswer, toQuestionOptions, type GateChoice } from './gate-choices.js';
import { choiceField, offsetOf, type HumanFormProblem } from './human-form.js';

export type HumanEscalationResult = { escalation: unknown[] } | { problems: HumanFormProblem[] };

const attribute = 'human.escalation';

/**
 * A gate's escalation chain, written in the DOT attribute as a YAML flow sequence of steps (the
 * shape of src/humans/sla/sla-input.ts):
 * `human.escalation="[{after: 30m, reassign: 'group:leads'}, {after: 1h, answer: {choice: ship}}]"`.
 * A default answer's `choice` may name the edge by key, label or target, as at the terminal; it
 * is stored as the target. Checked with resolveSla against the gate's form; a problem comes back
 * at its offset in the value so the validator can point at its line and column.
 */
export function parseHumanEscalation(text: string, form: FormDefinition, choices: readonly GateChoice[], sla: string | undefined): HumanEscalationResult {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { problems: doc.errors.map((error) => ({ message: `not a YAML list: ${error.message.split('\n')[0]}`, offset: error.pos[0] })) };
  const raw: unknown = doc.toJS();
  if (!Array.isArray(raw)) return { problems: [{ message: `${attribute} is a list of steps, e.g. [{ after: 30m, reassign: 'group:leads' }, { after: 1h, answer: { choice: approve } }]`, offset: 0 }] };
  const escalation = raw.map((step) => withChoiceTarget(step, choices));
  const slaText = sla !== undefined && tryParseDuration(sla) !== undefined ? sla : undefined;
  try {
    resolveSla({ ...(slaText !== undefined && { sla: slaText }), escalation }, form, attribute);
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    return { problems: [{ message: error.message, offset: offsetOf(doc.contents, problemPath(error.message, error.fields?.[0]?.field)) }] };
  }
  return { escalation };
}

/** The step's default answer with its choice as the edge's target (by key, label or target). */
function withChoiceTarget(step: unknown, choices: readonly GateChoice[]): unknown {
  if (typeof step !== 'object' || step === null || !('answer' in step)) return step;
  const answer = (step as { answer: unknown }).answer;
  if (typeof answer !== 'object' || answer === null || !(choiceField in answer)) return step;
  const given = (answer as Record<string, unknown>)[choiceField];
  if (typeof given !== 'string') return step;
  const choice = choiceForAnswer(choices, { options: toQuestionOptions(choices) }, { value: given });
  return choice ? { ...step, answer: { ...answer, [choiceField]: choice.target } } : step;
}

/** `human.escalation[1].answer` (and the form's field) → [1, 'answer', field]: where in the value the problem is. */
function problemPath(message: string, field: string | undefined): Array<string | number> {
  const match = /human\.escalation\[(\d+)\](?:\.(\w+))?/.exec(message);
  if (!match) return [];
  const path: Array<string | number> = [Number(match[1])];
  if (match[2] !== undefined) path.push(match[2]);
  if (match[2] === 'answer' && field !== undefined) path.push(field);
  return path;
}
