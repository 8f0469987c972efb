import { ErrorCode, OrchestraError } from '../../core/errors.js';

const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** `orchestra generate` names: kebab-case, as workflow names and file names both use them. */
export function checkGeneratedName(kind: 'workflow' | 'pipeline', name: string): string {
  if (kebab.test(name) && name.length <= 64) return name;
  const suggestion = toKebab(name);
  const problem = name.length > 64 ? 'is longer than 64 characters' : 'is not kebab-case';
  throw new OrchestraError(ErrorCode.USAGE, `${kind} name "${name}" ${problem}`, {
    hint: `Use lowercase letters, digits and single hyphens, starting with a letter${suggestion && suggestion !== name && suggestion.length <= 64 ? `: orchestra generate ${kind} ${suggestion}` : ', such as order-refund'}.`,
  });
}

/** "OrderRefund", "order_refund", "Order refund" → "order-refund" (empty when nothing usable is left). */
export function toKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
}

const reserved = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await').split(' '),
);

/** The export name for a workflow: "order-refund" → "orderRefund" ("delete" → "deleteWorkflow"). */
export function exportNameFor(name: string): string {
  const camel = name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return reserved.has(camel) ? `${camel}Workflow` : camel;
}
