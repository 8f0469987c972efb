import { matchesPattern } from './field-pattern';
import type { FieldType, FormField, JsonValue } from './form-types';

/*
 * The server's rules for one value of one field (src/humans/tasks/field-value.ts), in the browser:
 * the same checks in the same order with the same words, so a person sees before sending what the
 * server would answer. test/web/form-rules-parity.test.ts runs both over one table to keep them equal.
 */

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dateShape = /^\d{4}-\d{2}-\d{2}$/;

/** How a message quotes a value: `"abc" (string)`, `12 (number)`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `${JSON.stringify(value)} (${typeof value})`;
}

/** Not given: absent, null, an empty string or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!dateShape.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

type Rule = (field: FormField, value: JsonValue) => string | undefined;

const rules: Readonly<Record<FieldType, Rule>> = {
  text: textRule,
  textarea: textRule,
  email: textRule,
  url: textRule,
  number: (field, value) =>
    typeof value === 'number' && Number.isFinite(value)
      ? outOfBounds(field, value, (low) => `must be at least ${low}`, (high) => `must be at most ${high}`)
      : `expected a number, got ${describeValue(value)}`,
  boolean: (_field, value) => (typeof value === 'boolean' ? undefined : `expected true or false, got ${describeValue(value)}`),
  date: (field, value) =>
    typeof value === 'string' && isIsoDate(value)
      ? outOfBounds(field, value, (low) => `must be on or after ${low}`, (high) => `must be on or before ${high}`)
      : `expected a date as YYYY-MM-DD, got ${describeValue(value)}`,
  select: (field, value) => (typeof value === 'string' && hasOption(field, value) ? undefined : `expected one of ${optionValues(field)}, got ${describeValue(value)}`),
  multiselect: multiselectRule,
};

/** What is wrong with `value` for `field` (phrased to follow the field's name), or undefined. */
export function fieldProblem(field: FormField, value: JsonValue): string | undefined {
  return rules[field.type](field, value);
}

function textRule(field: FormField, value: JsonValue): string | undefined {
  if (typeof value !== 'string') return `expected text, got ${describeValue(value)}`;
  if (field.type === 'email' && !emailShape.test(value)) return `expected an e-mail address, got ${JSON.stringify(value)}`;
  if (field.type === 'url' && !isWebAddress(value)) return `expected an http:// or https:// URL, got ${JSON.stringify(value)}`;
  const length = outOfBounds(field, value.length, (low) => `must be at least ${low} characters long`, (high) => `must be at most ${high} characters long`);
  if (length !== undefined) return length;
  if (field.pattern !== undefined && matchesPattern(field.pattern, value) === false) return `must match the pattern ${field.pattern}, got ${JSON.stringify(value)}`;
  return undefined;
}

function multiselectRule(field: FormField, value: JsonValue): string | undefined {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return `expected a list of ${optionValues(field)}, got ${describeValue(value)}`;
  const choices = value as string[];
  const stranger = choices.find((choice) => !hasOption(field, choice));
  if (stranger !== undefined) return `expected only ${optionValues(field)}, got ${JSON.stringify(stranger)}`;
  if (new Set(choices).size !== choices.length) return 'lists a choice twice';
  return outOfBounds(field, choices.length, (low) => `needs at least ${low} choices`, (high) => `allows at most ${high} choices`);
}

/** min and max compare numbers with numbers and dates with dates (YYYY-MM-DD sorts as text). */
function outOfBounds<T extends number | string>(field: FormField, value: T, tooLow: (low: T) => string, tooHigh: (high: T) => string): string | undefined {
  const low = field.min as T | undefined;
  const high = field.max as T | undefined;
  if (low !== undefined && value < low) return tooLow(low);
  if (high !== undefined && value > high) return tooHigh(high);
  return undefined;
}

function hasOption(field: FormField, value: string): boolean {
  return (field.options ?? []).some((option) => option.value === value);
}

function optionValues(field: FormField): string {
  return (field.options ?? []).map((option) => JSON.stringify(option.value)).join(', ');
}

function isWebAddress(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
