import type { HandlerInput } from '../../handler.js';
import type { ContextMapping } from './context-mapping.js';

export type MappedInputs = { ok: true; variables: Record<string, string>; context: Record<string, unknown> } | { ok: false; problem: string };

/**
 * What the child starts with. Without `pipeline.inputs`: the parent's run variables. With it:
 * each `target` from the parent context key `source` (else the run variable `source`), given to
 * the child both as a run variable (`$target`, as text) and as a context key (`target`, as is).
 */
export function mapInputs(input: Pick<HandlerInput, 'node' | 'context' | 'run'>, inputs: readonly ContextMapping[] | undefined): MappedInputs {
  const { context, run } = input;
  if (inputs === undefined) return { ok: true, variables: { ...run.variables }, context: {} };
  const variables: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const { target, source } of inputs) {
    if (context.has(source)) {
      values[target] = context.get(source);
      variables[target] = context.getString(source);
    } else if (Object.hasOwn(run.variables, source)) {
      values[target] = run.variables[source];
      variables[target] = run.variables[source]!;
    } else {
      return { ok: false, problem: `Pipeline node "${input.node.id}" maps input "${target}" from "${source}", which is neither in the context nor a run variable` };
    }
  }
  return { ok: true, variables, context: values };
}

/** The parent's context updates from the child's final context; `missing` lists outputs the child never set. */
export function mapOutputs(childContext: Readonly<Record<string, unknown>>, outputs: readonly ContextMapping[]): { updates: Record<string, unknown>; missing: ContextMapping[] } {
  const updates: Record<string, unknown> = {};
  const missing: ContextMapping[] = [];
  for (const mapping of outputs) {
    if (Object.hasOwn(childContext, mapping.source)) updates[mapping.target] = childContext[mapping.source];
    else missing.push(mapping);
  }
  return { updates, missing };
}
