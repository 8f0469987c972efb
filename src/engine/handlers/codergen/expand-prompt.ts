import { ErrorCode } from '../../../core/errors.js';
import { contextView, nodeView, renderPrompt } from '../../../agents/prompts/index.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import { checkExpandedLength } from '../../../pipeline/transforms/expand-variables.js';
import type { Graph, GraphNode } from '../../../pipeline/graph/model.js';
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
 * The prompt for a run (decision 26, issue 8.1): `${context.key}` from the run context
 * (`context.key`, else `key`), `$goal`, `$name` for run variables, and Jinja syntax, all in one
 * render of the text the author wrote. Values are inserted literally, never read as template
 * source; unknown `$names` stay as written. `field` names the attribute the template came from (a
 * human gate's question is its `label`), for error positions. `workspace` (issue 14: repo name →
 * worktree) gives `$workspace.<repo>` and `{{ workspace.<repo> }}`.
 */
export function expandPrompt(
  template: string,
  graph: Graph,
  context: RunContext,
  variables: Readonly<Record<string, string>>,
  node?: GraphNode,
  field = 'prompt',
  workspace: Readonly<Record<string, string>> = {},
): string {
  const goal = goalOf(graph, context, variables);
  const lookup = (name: string) => {
    if (name.startsWith('context.')) {
      const key = name.slice('context.'.length);
      if (context.has(name)) return context.getString(name);
      return context.has(key) ? context.getString(key) : undefined;
    }
    if (name === 'goal') return goal;
    if (name.startsWith('workspace.') && Object.hasOwn(workspace, name.slice('workspace.'.length))) return workspace[name.slice('workspace.'.length)];
    return Object.hasOwn(variables, name) ? variables[name] : undefined;
  };
  const loc = node?.attrs[field]?.loc ?? node?.loc ?? graph.loc;
  // Before rendering: each `$goal` or `${context.x}` copies its whole value (issue 8.14).
  checkExpandedLength(template, lookup, { what: node ? `${field} of node "${node.id}"` : field, loc });
  const data = { ...variables, context: contextView(context.snapshot()), goal, node: nodeView(node), workspace: { ...workspace } };
  const origin = { label: node ? `${field} of node ${node.id}` : field, file: loc.file, line: loc.line, column: loc.column, code: ErrorCode.VARIABLE };
  // Unknown names render as empty text; `orchestra compile` is where they are reported.
  return renderPrompt(template, lookup, data, origin).text;
}

/** The graph's goal wins, then one in the context (a child run's), then a `goal` run variable. */
function goalOf(graph: Graph, context: RunContext, variables: Readonly<Record<string, string>>): string {
  const fromGraph = readString(graph.attrs, 'goal');
  if (fromGraph !== undefined) return fromGraph;
  const fromContext = context.has('graph.goal') ? context.getString('graph.goal') : '';
  if (fromContext !== '') return fromContext;
  return Object.hasOwn(variables, 'goal') ? (variables['goal'] as string) : '';
}
