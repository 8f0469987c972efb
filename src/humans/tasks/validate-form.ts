import { FormFieldTypes, type FormDefinition, type FormField, type FormFieldType, type JsonValue } from '../../store/human-task-types.js';
import { checkFieldValue, isIsoDate } from './field-value.js';
import { formInvalidError, issue, type FormIssue } from './form-issue.js';
import { compileFieldPattern } from './form-pattern.js';

/*
 * A form definition, checked when it is defined (a pipeline's gate, a workflow's task(), the API,
 * `orchestra human-task create --form`), so that nobody meets a broken form at answer time.
 * Every problem is collected with its path, for the caller to point at in its file.
 */

const fieldKeys = ['type', 'label', 'help', 'required', 'default', 'min', 'max', 'pattern', 'options'] as const;
const fieldName = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const choiceTypes: readonly FormFieldType[] = ['select', 'multiselect'];
const textTypes: readonly FormFieldType[] = ['text', 'textarea', 'email', 'url'];
const countedTypes: readonly FormFieldType[] = ['number', 'multiselect', ...textTypes];

/** Every problem of `raw` as a form definition; empty when it is one. */
export function formIssues(raw: unknown): FormIssue[] {
  if (!isRecord(raw)) return [issue([], 'a form is a mapping of field names to fields, e.g. { answer: { type: textarea } }')];
  const entries = Object.entries(raw);
  if (entries.length === 0) return [issue([], 'a form needs at least one field')];
  return entries.flatMap(([name, field]) => (fieldName.test(name) ? fieldIssues(name, field) : [issue([name], 'a field name is letters, digits, _ and -, starting with a letter or _')]));
}

/** `raw` as a FormDefinition, or E_FORM_INVALID listing every problem; `what` names it ("the form of gate approve"). */
export function validateForm(raw: unknown, what = 'the form'): FormDefinition {
  const issues = formIssues(raw);
  if (issues.length > 0) throw formInvalidError(what, issues, 'docs/human-tasks.md#forms lists the field types and their keys.');
  return raw as FormDefinition;
}

function fieldIssues(name: string, raw: unknown): FormIssue[] {
  if (!isRecord(raw)) return [issue([name], 'a field is a mapping with at least a type, e.g. { type: text }')];
  const at = (key: string, message: string) => issue([name, key], message);
  const unknownKeys = Object.keys(raw).filter((key) => !(fieldKeys as readonly string[]).includes(key));
  if (unknownKeys.length > 0) return unknownKeys.map((key) => at(key, `unknown key (a field has ${fieldKeys.join(', ')})`));
  const type = raw.type;
  if (typeof type !== 'string' || !(FormFieldTypes as readonly string[]).includes(type)) {
    return [at('type', `unknown field type ${JSON.stringify(type)} (expected one of ${FormFieldTypes.join(', ')})`)];
  }
  const field = raw as unknown as FormField;
  const found: FormIssue[] = [];
  for (const key of ['label', 'help'] as const) if (field[key] !== undefined && typeof field[key] !== 'string') found.push(at(key, 'must be text'));
  if (field.required !== undefined && typeof field.required !== 'boolean') found.push(at('required', 'must be true or false'));
  found.push(...optionIssues(name, field), ...patternIssues(name, field), ...boundIssues(name, field));
  if (found.length === 0 && field.default !== undefined) {
    const problem = checkFieldValue(field, field.default as JsonValue);
    if (problem) found.push(at('default', `the default does not fit the field: ${problem}`));
  }
  return found;
}

function optionIssues(name: string, field: FormField): FormIssue[] {
  const options: unknown = field.options;
  if (!choiceTypes.includes(field.type)) return options === undefined ? [] : [issue([name, 'options'], `only select and multiselect fields have options, not ${field.type}`)];
  if (!Array.isArray(options) || options.length === 0) return [issue([name, 'options'], `a ${field.type} field needs options: a list of { value, label }`)];
  const found: FormIssue[] = [];
  const seen = new Set<string>();
  options.forEach((option: unknown, index) => {
    const valid = isRecord(option) && typeof option.value === 'string' && option.value !== '' && typeof option.label === 'string' && Object.keys(option).every((key) => key === 'value' || key === 'label');
    if (!valid) found.push(issue([name, 'options', index], 'an option is { value, label }, both text, value not empty'));
    else if (seen.has(option.value as string)) found.push(issue([name, 'options', index], `the value ${JSON.stringify(option.value)} appears twice`));
    else seen.add(option.value as string);
  });
  return found;
}

function patternIssues(name: string, field: FormField): FormIssue[] {
  if (field.pattern === undefined) return [];
  if (!textTypes.includes(field.type)) return [issue([name, 'pattern'], `only ${textTypes.join(', ')} fields have a pattern, not ${field.type}`)];
  if (typeof field.pattern !== 'string') return [issue([name, 'pattern'], 'must be text: a regular expression (RE2 syntax)')];
  const compiled = compileFieldPattern(field.pattern);
  return typeof compiled === 'string' ? [issue([name, 'pattern'], `${JSON.stringify(field.pattern)} is not a valid RE2 regular expression: ${compiled}`)] : [];
}

function boundIssues(name: string, field: FormField): FormIssue[] {
  const found: FormIssue[] = [];
  for (const key of ['min', 'max'] as const) {
    const bound = field[key];
    if (bound === undefined) continue;
    if (field.type === 'date') {
      if (typeof bound !== 'string' || !isIsoDate(bound)) found.push(issue([name, key], 'a date bound is written YYYY-MM-DD'));
    } else if (!countedTypes.includes(field.type)) {
      found.push(issue([name, key], `a ${field.type} field has no ${key}`));
    } else if (typeof bound !== 'number' || !Number.isFinite(bound) || (field.type !== 'number' && (bound < 0 || !Number.isInteger(bound)))) {
      found.push(issue([name, key], field.type === 'number' ? 'must be a number' : 'must be a whole number ≥ 0 (a length or a count)'));
    }
  }
  if (found.length === 0 && field.min !== undefined && field.max !== undefined && field.min > field.max) found.push(issue([name, 'min'], `min (${field.min}) is greater than max (${field.max})`));
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
