import type { FormDefinition, FormOption, JsonObject, JsonValue } from '../../store/human-task-types.js';
import { formInvalidError, issue, type FormIssue } from './form-issue.js';

/*
 * `orchestra answer ID field=value …`: the command line gives strings; the form says what each
 * field holds. Numbers and booleans are converted when they read as one (else left as text, so
 * validateAnswer names the field and the value); a multiselect takes a comma list or repeats.
 */

const truthy = ['true', 'yes', 'y', '1', 'on'];
const falsy = ['false', 'no', 'n', '0', 'off'];
const numeric = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Converts one typed string for `field`'s type. */
export function coerceFieldText(form: FormDefinition, name: string, text: string): JsonValue {
  const field = form[name];
  switch (field?.type) {
    case 'number':
      return numeric.test(text.trim()) ? Number(text) : text;
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      return truthy.includes(lower) ? true : falsy.includes(lower) ? false : text;
    }
    case 'select':
      return optionValue(field.options, text);
    case 'multiselect':
      return text.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => optionValue(field.options, part));
    default:
      return text;
  }
}

/**
 * A typed choice → its option's value: the value itself, else the one option whose value or label
 * it names ignoring case (`Ship` for `{ value: 'ship', label: 'Ship' }`, as the form shows it).
 * Anything else is left as typed for validateAnswer to name with the options.
 */
function optionValue(options: readonly FormOption[] | undefined, text: string): string {
  if (options === undefined || options.some((option) => option.value === text)) return text;
  const wanted = text.trim().toLowerCase();
  const matches = options.filter((option) => option.value.toLowerCase() === wanted || option.label.toLowerCase() === wanted);
  return matches.length === 1 ? matches[0]!.value : text;
}

/** `field=value` pairs → an answer object, or E_FORM_INVALID naming malformed pairs and unknown fields. */
export function coerceCliAnswer(form: FormDefinition, pairs: readonly string[]): JsonObject {
  const answer: JsonObject = {};
  const issues: FormIssue[] = [];
  const fields = Object.keys(form).join(', ');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      issues.push(issue([pair], `expected field=value (fields: ${fields})`));
      continue;
    }
    const name = pair.slice(0, eq);
    if (!Object.hasOwn(form, name)) {
      issues.push(issue([name], `is not a field of this form (fields: ${fields})`));
      continue;
    }
    const value = coerceFieldText(form, name, pair.slice(eq + 1));
    const previous = answer[name];
    answer[name] = Array.isArray(previous) && Array.isArray(value) ? [...previous, ...value] : value;
  }
  if (issues.length > 0) throw formInvalidError('the answer', issues, 'Write each answer as field=value; `orchestra inbox show ID` lists the fields.');
  return answer;
}
