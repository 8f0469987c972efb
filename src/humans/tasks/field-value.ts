import type { FormField, JsonValue } from '../../store/human-task-types.js';
import { compileFieldPattern } from './form-pattern.js';

/*
 * One value against one field: the type, then its bounds, options and pattern. Returns what is
 * wrong, phrased to follow the field's name ("expected a number, got "abc" (string)"), or undefined.
 */

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? `${JSON.stringify(value)} (string)` : `${JSON.stringify(value)} (${typeof value})`;
}

/** Whether a value counts as not given: absent, null, an empty string or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function isIsoDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function checkFieldValue(field: FormField, value: JsonValue): string | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
      return checkText(field, value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number, got ${describeValue(value)}`;
      return bounds(field, value, (bound) => `must be at least ${bound}`, (bound) => `must be at most ${bound}`);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${describeValue(value)}`;
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) return `expected a date as YYYY-MM-DD, got ${describeValue(value)}`;
      return bounds(field, value, (bound) => `must be on or after ${bound}`, (bound) => `must be on or before ${bound}`);
    case 'select':
      return typeof value === 'string' && isOption(field, value) ? undefined : `expected one of ${optionList(field)}, got ${describeValue(value)}`;
    case 'multiselect':
      return checkMultiselect(field, value);
  }
}

function checkText(field: FormField, value: JsonValue): string | undefined {
  if (typeof value !== 'string') return `expected text, got ${describeValue(value)}`;
  if (field.type === 'email' && !emailPattern.test(value)) return `expected an e-mail address, got ${JSON.stringify(value)}`;
  if (field.type === 'url' && !isHttpUrl(value)) return `expected an http:// or https:// URL, got ${JSON.stringify(value)}`;
  const length = bounds(field, value.length, (bound) => `must be at least ${bound} characters long`, (bound) => `must be at most ${bound} characters long`);
  if (length) return length;
  if (field.pattern !== undefined) {
    const pattern = compileFieldPattern(field.pattern);
    if (typeof pattern !== 'string' && !pattern.test(value)) return `must match the pattern ${field.pattern}, got ${JSON.stringify(value)}`;
  }
  return undefined;
}

function checkMultiselect(field: FormField, value: JsonValue): string | undefined {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return `expected a list of ${optionList(field)}, got ${describeValue(value)}`;
  const unknown = value.find((item) => !isOption(field, item as string));
  if (unknown !== undefined) return `expected only ${optionList(field)}, got ${JSON.stringify(unknown)}`;
  if (new Set(value).size !== value.length) return 'lists a choice twice';
  return bounds(field, value.length, (bound) => `needs at least ${bound} choices`, (bound) => `allows at most ${bound} choices`);
}

function bounds<T extends number | string>(field: FormField, value: T, low: (bound: T) => string, high: (bound: T) => string): string | undefined {
  const { min, max } = field as { min?: T; max?: T };
  if (min !== undefined && value < min) return low(min);
  if (max !== undefined && value > max) return high(max);
  return undefined;
}

function isOption(field: FormField, value: string): boolean {
  return (field.options ?? []).some((option) => option.value === value);
}

export function optionList(field: FormField): string {
  return (field.options ?? []).map((option) => JSON.stringify(option.value)).join(', ');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
