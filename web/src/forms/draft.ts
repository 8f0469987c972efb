import type { FormDefinition, FormField, JsonValue } from './form-types';

/*
 * What the inputs hold while a person fills a form (text for most fields, a flag for a checkbox,
 * a list for a multiselect), and the answer it makes. Typed text that is no number stays text, so
 * the rules name it as the server would ("expected a number, got "ten" (string)").
 */

export type DraftValue = string | boolean | string[];
export type Draft = Record<string, DraftValue>;

const numeric = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The inputs' first values: each field's default, else empty (a checkbox unticked). */
export function initialDraft(form: FormDefinition): Draft {
  return Object.fromEntries(Object.entries(form).map(([name, field]) => [name, draftOf(field)]));
}

function draftOf(field: FormField): DraftValue {
  const given = field.default;
  if (field.type === 'boolean') return given === true;
  if (field.type === 'multiselect') return Array.isArray(given) ? given.filter((item): item is string => typeof item === 'string') : [];
  return given === undefined || given === null ? '' : String(given);
}

/** The answer the inputs make: numbers read as numbers, everything else as typed. */
export function answerOf(form: FormDefinition, draft: Draft): Record<string, JsonValue> {
  const answer: Record<string, JsonValue> = {};
  for (const [name, field] of Object.entries(form)) {
    const value = draft[name];
    if (value === undefined) continue;
    answer[name] = field.type === 'number' && typeof value === 'string' ? numberOf(value) : value;
  }
  return answer;
}

function numberOf(text: string): JsonValue {
  const trimmed = text.trim();
  return numeric.test(trimmed) ? Number(trimmed) : text;
}
