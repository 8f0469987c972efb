import { ErrorCode } from '../../../core/errors.js';
import { contextView, nodeView, renderTemplate } from '../../../agents/prompts/index.js';
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
export function expandPrompt(template: string, graph: Graph, context: RunContext, variables: Readonly<Record<string, string>>, node?: GraphNode): string {
  const expanded = expandVariables(template, (name) => {
    if (name.startsWith('context.')) {
      const key = name.slice('context.'.length);
      if (context.has(name)) return context.getString(name);
      return context.has(key) ? context.getString(key) : undefined;
    }
    if (name === 'goal') return readString(graph.attrs, 'goal') ?? (context.has('graph.goal') ? context.getString('graph.goal') : undefined);
    return Object.hasOwn(variables, name) ? variables[name] : undefined;
  }, { what: node ? `prompt of node "${node.id}"` : 'prompt', loc: node?.attrs['prompt']?.loc ?? node?.loc });
  return hasTemplateSyntax(expanded) ? renderJinja(expanded, graph, context, variables, node) : expanded;
}

/** Jinja syntax (issue 3): `{{ pr_number }}`, `{{ context.last_response }}`, `{% if %}`. */
function hasTemplateSyntax(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

function renderJinja(text: string, graph: Graph, context: RunContext, variables: Readonly<Record<string, string>>, node: GraphNode | undefined): string {
  const loc = node?.attrs['prompt']?.loc ?? node?.loc ?? graph.loc;
  const data = { ...variables, context: contextView(context.snapshot()), goal: readString(graph.attrs, 'goal') ?? '', node: nodeView(node) };
  const origin = { label: node ? `prompt of node ${node.id}` : 'prompt', file: loc.file, line: loc.line, column: loc.column, code: ErrorCode.VARIABLE };
  // Unknown names render as empty text; `orchestra compile` is where they are reported.
  return renderTemplate(text, data, origin).text;
}
