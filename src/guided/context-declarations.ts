import { didYouMean } from '../core/closest-name.js';
import type { Diagnostic } from '../pipeline/validate/diagnostic.js';
import type { ContextType, ContextVariable } from './definition.js';
import { isRecord, type FrontMatter } from './markdown-file.js';

export const contextTypes: readonly ContextType[] = ['string', 'number', 'boolean', 'object', 'array', 'any'];

function isContextType(value: unknown): value is ContextType {
  return typeof value === 'string' && (contextTypes as readonly string[]).includes(value);
}

/**
 * index.md's `context:` front matter: `name: type` or `name: { type, required, description }`.
 * Every mistake is an error at the key or value as written.
 */
export function readContextDeclarations(front: FrontMatter, diagnostics: Diagnostic[]): Record<string, ContextVariable> {
  const declared = front.data.context;
  const variables: Record<string, ContextVariable> = {};
  if (declared === undefined || declared === null) return variables;
  if (!isRecord(declared)) {
    diagnostics.push(problem(front, ['context'], 'context must be a mapping of variable names to types.', 'Write e.g. "context:" then "  target_file: string" on the next line.'));
    return variables;
  }
  for (const [name, spec] of Object.entries(declared)) {
    const path = ['context', name];
    const long = isRecord(spec);
    const type = long ? spec.type : spec;
    if (!isContextType(type)) {
      const shown = typeof type === 'string' ? `"${type}"` : JSON.stringify(type ?? null);
      const typePath = long ? [...path, 'type'] : path;
      const hint = typeof type === 'string' ? didYouMean(type, contextTypes) : '';
      diagnostics.push({
        ...problem(front, typePath, `context variable ${name} has an unknown type ${shown}.${hint}`, `Use one of: ${contextTypes.join(', ')}.`),
        rule: 'guided_context_type',
      });
      continue;
    }
    const variable: ContextVariable = { type, loc: front.at(path, 'key') };
    if (long) {
      if (spec.required !== undefined && typeof spec.required !== 'boolean') {
        diagnostics.push(problem(front, [...path, 'required'], `context variable ${name}: required must be true or false.`, 'Write "required: true" or remove the line.'));
      } else if (spec.required !== undefined) variable.required = spec.required;
      if (spec.description !== undefined && typeof spec.description !== 'string') {
        diagnostics.push(problem(front, [...path, 'description'], `context variable ${name}: description must be text.`, 'Quote the description.'));
      } else if (spec.description !== undefined) variable.description = spec.description;
    }
    variables[name] = variable;
  }
  return variables;
}

function problem(front: FrontMatter, path: readonly PropertyKey[], message: string, fix: string): Diagnostic {
  return { rule: 'guided_front_matter', severity: 'error', message, loc: front.at(path), fix };
}
