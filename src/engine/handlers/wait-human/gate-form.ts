import { assignAcceleratorKeys } from '../../../humans/accelerator.js';
import type { Answer, Interviewer, Question } from '../../../humans/interviewer.js';
import { coerceFieldText } from '../../../humans/tasks/coerce-answer.js';
import { derivedTaskId } from '../../../humans/tasks/task-id.js';
import type { FormDefinition, FormField, HumanTask, JsonObject, JsonValue } from '../../../store/human-task-types.js';
import { choiceField } from './human-form.js';
import type { GateChoice } from './gate-choices.js';

/**
 * The gate's human task id: the same for the same run, node, visit and attempt, so that a resumed
 * run finds the task it created before instead of making a second one. `h` + 12 base36 characters
 * like every task id, short enough to type.
 */
export function gateTaskId(runId: string, nodeId: string, visit: string, attempt: number): string {
  return derivedTaskId([runId, nodeId, visit, attempt]);
}

/** The choices as a required select (value: the edge's target, label: the edge's label), then `human.form`'s fields. */
export function gateForm(question: string, choices: readonly GateChoice[], extra: FormDefinition, defaultTarget: string | undefined): FormDefinition {
  const choice: FormField = { type: 'select', label: question, required: true, options: choices.map((c) => ({ value: c.target, label: c.label })) };
  if (defaultTarget !== undefined) choice.default = defaultTarget;
  return { [choiceField]: choice, ...extra };
}

/** The `human.<field>` context keys of an answer's extra fields (the choice has its own keys). */
export function answerContext(task: HumanTask): Record<string, unknown> {
  const updates: Record<string, unknown> = { 'human.task.id': task.id };
  if (task.answeredBy !== undefined) updates['human.answered_by'] = task.answeredBy;
  for (const [name, value] of Object.entries(task.answer ?? {})) if (name !== choiceField) updates[`human.${name}`] = value;
  return updates;
}

/**
 * Asks a form's extra fields at the terminal after the person chose an edge, one question each:
 * a select as a choice, a boolean as yes/no, anything else as a line of text. An empty line leaves
 * an optional field out. What comes back is checked by the task's form when it is answered.
 */
export async function askExtraFields(interviewer: Interviewer, form: FormDefinition, stage: string, signal: AbortSignal): Promise<JsonObject> {
  const answer: JsonObject = {};
  for (const [name, field] of Object.entries(form)) {
    if (name === choiceField) continue;
    const question = fieldQuestion(name, field, stage);
    const given = await interviewer.ask(question, signal);
    const value = fieldValue(form, name, field, question, given);
    if (value !== undefined) answer[name] = value;
  }
  return answer;
}

function fieldQuestion(name: string, field: FormField, stage: string): Question {
  const text = `${field.label ?? name}${field.help ? ` (${field.help})` : ''}${field.required ? '' : ' [optional: Enter to leave out]'}`;
  if (field.type === 'select' && field.options) {
    const keyed = assignAcceleratorKeys(field.options.map((option) => option.label));
    return { text, type: 'multiple_choice', stage, options: keyed.map((k, index) => ({ key: k.key, label: k.label, id: field.options![index]!.value })) };
  }
  const question: Question = { text, type: field.type === 'boolean' ? 'yes_no' : 'freeform', options: [], stage };
  if (field.default !== undefined) question.default = { value: String(field.default) };
  else if (!field.required && field.type !== 'boolean') question.default = { value: '' };
  return question;
}

function fieldValue(form: FormDefinition, name: string, field: FormField, question: Question, given: Answer): JsonValue | undefined {
  if (given.value === 'skipped' || given.timedOut) return undefined;
  if (question.type === 'multiple_choice') return given.selectedOption?.id ?? given.value;
  if (field.type === 'boolean') return given.value === 'yes' ? true : given.value === 'no' ? false : coerceFieldText(form, name, given.value);
  const text = given.text ?? given.value;
  return text === '' ? undefined : coerceFieldText(form, name, text);
}
