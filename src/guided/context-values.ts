import { formatLocation } from '../core/source-location.js';
import type { ContextType, ContextVariable } from './definition.js';

/** One value that does not fit its declaration, said so that an agent can correct it. */
export interface ContextProblem {
  name: string;
  message: string;
}

function typeOf(value: unknown): ContextType | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/**
 * The values (a start's context or a report's context updates) whose type does not match what
 * index.md declares; `null` clears a value and fits any type. Undeclared names are allowed untyped.
 * With `requireAll`, a required variable missing from `values` is a problem too (for a start).
 */
export function contextProblems(declared: Readonly<Record<string, ContextVariable>>, values: Readonly<Record<string, unknown>>, requireAll = false): ContextProblem[] {
  const problems: ContextProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const variable = Object.hasOwn(declared, name) ? declared[name] : undefined;
    if (variable === undefined || variable.type === 'any' || value === null) continue;
    const actual = typeOf(value);
    if (actual === variable.type && !(actual === 'number' && !Number.isFinite(value))) continue;
    problems.push({ name, message: `context.${name} must be ${article(variable.type)} (declared at ${formatLocation(variable.loc)}), got ${article(actual)}: ${JSON.stringify(value)}` });
  }
  if (requireAll) {
    for (const [name, variable] of Object.entries(declared)) {
      if (variable.required === true && (values[name] === undefined || values[name] === null)) {
        problems.push({ name, message: `context.${name} is required (declared at ${formatLocation(variable.loc)}): give it ${article(variable.type)} value` });
      }
    }
  }
  return problems;
}

function article(type: string): string {
  return type === 'any' ? 'any' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
