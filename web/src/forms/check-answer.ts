import { fieldProblem, isEmptyValue } from './field-rules';
import type { FieldProblem, FormDefinition, JsonValue } from './form-types';

export type AnswerCheck = { ok: true; value: Record<string, JsonValue> } | { ok: false; problems: FieldProblem[] };

/**
 * An answer against its form as the server checks it (src/humans/tasks/validate-answer.ts):
 * unknown fields, then each field in form order; a field left empty takes its default, an empty
 * optional one is left out. `value` is what the server would store.
 */
export function checkAnswer(form: FormDefinition, answer: Record<string, unknown>): AnswerCheck {
  const names = Object.keys(form);
  const problems: FieldProblem[] = Object.keys(answer)
    .filter((name) => !Object.hasOwn(form, name))
    .map((name) => ({ field: name, message: `is not a field of this form (fields: ${names.join(', ')})` }));
  const value: Record<string, JsonValue> = {};
  for (const [name, field] of Object.entries(form)) {
    const given = Object.hasOwn(answer, name) ? answer[name] : undefined;
    const chosen = isEmptyValue(given) ? field.default : given;
    if (isEmptyValue(chosen)) {
      if (field.required === true) problems.push({ field: name, message: 'is required' });
      continue;
    }
    const problem = fieldProblem(field, chosen as JsonValue);
    if (problem === undefined) value[name] = chosen as JsonValue;
    else problems.push({ field: name, message: problem });
  }
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** Field name → its first problem, for showing each beside its field. */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of problems) byField[field] ??= message;
  return byField;
}
