import { textValue, type Attribute, type Graph } from '../../graph/model.js';
import { closestMatch } from '../closest.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

const keys = ['retry_target', 'fallback_retry_target'] as const;

/** `retry_target` / `fallback_retry_target`, on nodes and on the graph, name declared nodes. */
export const retryTargetExistsRule: LintRule = {
  name: 'retry_target_exists',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    for (const key of keys) {
      const problem = check(graph, graph.attrs[key], 'The graph');
      if (problem) diagnostics.push(problem);
    }
    for (const node of graph.nodes.values()) {
      for (const key of keys) {
        const problem = check(graph, node.attrs[key], `Node ${node.id}`);
        if (problem) diagnostics.push({ ...problem, nodeId: node.id });
      }
    }
    return diagnostics;
  },
};

function check(graph: Graph, attr: Attribute | undefined, owner: string): Diagnostic | undefined {
  if (!attr) return undefined;
  const target = textValue(attr.value).trim();
  const node = graph.nodes.get(target);
  if (target === '' || (node && !node.implicit)) return undefined;
  const declared = [...graph.nodes.values()].filter((n) => !n.implicit).map((n) => n.id);
  const guess = closestMatch(target, declared);
  return {
    rule: 'retry_target_exists',
    severity: 'warning',
    message: `${owner} has ${attr.key} "${target}", which is not a declared node.${guess ? ` Did you mean "${guess}"?` : ''}`,
    loc: attr.loc,
    fix: guess ? `${attr.key}="${guess}"` : `name a declared node, or declare it: ${target} [label="..."]`,
  };
}
