import type { FormDefinition, JsonObject, JsonValue } from '../../store/human-task-types.js';
import { checkFieldValue, isEmptyValue } from './field-value.js';
import { formInvalidError, issue, type FormIssue } from './form-issue.js';

export type AnswerCheck = { ok: true; value: JsonObject } | { ok: false; issues: FormIssue[] };

/**
 * An answer against its form, field by field: unknown fields, missing required ones, values of
 * the wrong type or out of bounds. A field left out takes its default; an empty optional one is
 * dropped. The value returned is what gets stored.
 */
export function checkAnswer(form: FormDefinition, answer: unknown): AnswerCheck {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return { ok: false, issues: [issue([], `an answer is an object of field values (fields: ${Object.keys(form).join(', ')})`)] };
  }
  const given = answer as Record<string, unknown>;
  const issues: FormIssue[] = Object.keys(given)
    .filter((name) => !Object.hasOwn(form, name))
    .map((name) => issue([name], `is not a field of this form (fields: ${Object.keys(form).join(', ')})`));
  const value: JsonObject = {};
  for (const [name, field] of Object.entries(form)) {
    const raw = Object.hasOwn(given, name) ? given[name] : undefined;
    const chosen = isEmptyValue(raw) ? field.default : raw;
    if (isEmptyValue(chosen)) {
      if (field.required === true) issues.push(issue([name], 'is required'));
      continue;
    }
    const problem = checkFieldValue(field, chosen as JsonValue);
    if (problem) issues.push(issue([name], problem));
    else value[name] = chosen as JsonValue;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The stored answer, or E_FORM_INVALID with every field's problem (the task stays as it was). */
export function validateAnswer(form: FormDefinition, answer: unknown, what = 'the answer'): JsonObject {
  const checked = checkAnswer(form, answer);
  if (!checked.ok) throw formInvalidError(what, checked.issues, '`orchestra inbox show ID` shows each field with its type and options.');
  return checked.value;
}
