import type { Graph } from '../graph/model.js';
import { textValue } from '../graph/model.js';
import { checkExpandedLength, expandVariables } from './expand-variables.js';
import type { Transform } from './transform.js';

/**
 * Expands run variables in the graph's `goal` (so `goal="Review PR $pr_number"` works). The goal
 * is data: prompts insert it as a value. Prompts themselves are left as the author wrote them and
 * rendered once when their node runs (issue 8.1): a value spliced in here would be read as
 * template source there.
 */
export function createVariablesTransform(variables: Readonly<Record<string, string>> = {}): Transform {
  return {
    name: 'variables',
    apply(input: Graph): Graph {
      const graph = expandGoal(input, variables);
      const goal = graph.attrs['goal'];
      const known = { ...variables, goal: goal ? textValue(goal.value) : (variables['goal'] ?? '') };
      // Not expanded here, only measured: a prompt too long to build fails at compile (issue 8.14).
      for (const node of graph.nodes.values()) {
        const prompt = node.attrs['prompt'];
        if (prompt) checkExpandedLength(textValue(prompt.value), known, { what: `prompt of node "${node.id}"`, loc: prompt.loc });
      }
      return graph;
    },
  };
}

function expandGoal(graph: Graph, variables: Readonly<Record<string, string>>): Graph {
  const goal = graph.attrs['goal'];
  if (!goal) return graph;
  const text = textValue(goal.value);
  const expanded = expandVariables(text, variables, { what: 'graph goal', loc: goal.loc });
  if (expanded === text) return graph;
  return { ...graph, attrs: { ...graph.attrs, goal: { ...goal, value: { kind: 'string', value: expanded } } } };
}
