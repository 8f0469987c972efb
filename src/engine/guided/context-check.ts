import { ErrorCode, OrchestraError, type FieldIssue } from '../../core/errors.js';
import { formatLocation } from '../../core/source-location.js';
import type { ContextType, GuidedDefinition } from '../../guided/definition.js';

/** The JSON type of a value, in the words of a definition's `context:` declarations. */
export function contextTypeOf(value: unknown): Exclude<ContextType, 'any'> | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** The problems of `values` against the declared types: one per field, naming what was expected and where it is declared. */
export function contextIssues(definition: GuidedDefinition, values: Readonly<Record<string, unknown>>, what: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(values)) {
    const declared = Object.hasOwn(definition.context, name) ? definition.context[name] : undefined;
    if (declared === undefined || declared.type === 'any') continue;
    const found = contextTypeOf(value);
    if (found !== declared.type) {
      issues.push({ field: `${what}.${name}`, message: `expected ${declared.type} (declared at ${formatLocation(declared.loc)}), got ${found}` });
    }
  }
  return issues;
}

/**
 * The fields of `values` that the definition declares as context variables, each of its declared
 * type: how a person's answer to a step's human task (its form's fields) feeds the context, as an
 * agent's context_updates would. Anything else stays in the report's result only.
 */
export function declaredValues(definition: GuidedDefinition, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const declared = Object.entries(values).filter(([name]) => Object.hasOwn(definition.context, name));
  return Object.fromEntries(declared.filter(([name, value]) => contextIssues(definition, { [name]: value }, 'answer').length === 0));
}

/** E_GUIDED_CONTEXT naming each field whose value has the wrong type; nothing is stored. */
export function checkContextValues(definition: GuidedDefinition, values: Readonly<Record<string, unknown>>, what: string): void {
  const issues = contextIssues(definition, values, what);
  if (issues.length === 0) return;
  const list = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  throw new OrchestraError(ErrorCode.GUIDED_CONTEXT, `${what} of workflow ${definition.name} has values of the wrong type: ${list}`, {
    hint: `Send each field with the type index.md's front matter declares under context:.`,
    fields: issues,
  });
}

/** E_GUIDED_CONTEXT for the required context variables a start leaves out. */
export function checkRequiredContext(definition: GuidedDefinition, context: Readonly<Record<string, unknown>>): void {
  const missing = Object.entries(definition.context).filter(([name, variable]) => variable.required === true && !Object.hasOwn(context, name));
  if (missing.length === 0) return;
  const issues = missing.map(([name, variable]) => ({ field: `context.${name}`, message: `is required (declared at ${formatLocation(variable.loc)})` }));
  throw new OrchestraError(ErrorCode.GUIDED_CONTEXT, `workflow ${definition.name} needs context ${missing.map(([name]) => name).join(', ')}`, {
    hint: 'Pass them in start_workflow\'s context.',
    fields: issues,
  });
}
