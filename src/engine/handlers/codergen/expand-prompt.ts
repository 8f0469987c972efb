import { readString } from '../../../pipeline/graph/attr-read.js';
import type { Graph, GraphNode } from '../../../pipeline/graph/model.js';
import { expandVariables } from '../../../pipeline/transforms/expand-variables.js';
import type { RunContext } from '../../context.js';

/** The stage instruction as written: `prompt`, else `label`, else the node id (Attractor §4.5). */
export function promptTemplate(node: GraphNode): string {
  const prompt = readString(node.attrs, 'prompt');
  if (prompt !== undefined && prompt.trim() !== '') return prompt;
  const label = readString(node.attrs, 'label');
  if (label !== undefined && label.trim() !== '') return label;
  return node.id;
}

/**
 * Run-time expansion (decision 26): `${context.key}` from the run context (`context.key`, else
 * `key`), plus `$goal` and run variables for prompts that did not pass through the transforms.
 * Unknown names stay as written; one pass, so expanded values are never expanded again.
 */
export function expandPrompt(template: string, graph: Graph, context: RunContext, variables: Readonly<Record<string, string>>): string {
  return expandVariables(template, (name) => {
    if (name.startsWith('context.')) {
      const key = name.slice('context.'.length);
      if (context.has(name)) return context.getString(name);
      return context.has(key) ? context.getString(key) : undefined;
    }
    if (name === 'goal') return readString(graph.attrs, 'goal') ?? (context.has('graph.goal') ? context.getString('graph.goal') : undefined);
    return Object.hasOwn(variables, name) ? variables[name] : undefined;
  });
}
