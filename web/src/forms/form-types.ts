/*
 * A human task's form as the API gives it (humanTasks.get `form`; GET /openapi.json has it in full):
 * field name → field, in display order. The nine field types are the server's (FormFieldTypes).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const fieldTypes = ['text', 'textarea', 'number', 'boolean', 'select', 'multiselect', 'date', 'email', 'url'] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FieldOption {
  value: string;
  label: string;
}

/** `min`/`max` bound a number's value, a text's length, a multiselect's count, a date (YYYY-MM-DD). */
export interface FormField {
  type: FieldType;
  label?: string;
  help?: string;
  required?: boolean;
  default?: JsonValue;
  min?: number | string;
  max?: number | string;
  /** RE2 syntax; the whole value must match. */
  pattern?: string;
  options?: FieldOption[];
}

export type FormDefinition = Record<string, FormField>;

/** One field's problem, as the server's problem+json `errors` carries it. */
export interface FieldProblem {
  field: string;
  message: string;
}
