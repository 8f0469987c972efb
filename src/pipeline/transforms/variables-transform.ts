import type { Graph } from '../graph/model.js';
import { textValue } from '../graph/model.js';
import { expandVariables } from './expand-variables.js';
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
    apply(graph: Graph): Graph {
      const goal = graph.attrs['goal'];
      if (!goal) return graph;
      const text = textValue(goal.value);
      const expanded = expandVariables(text, variables);
      if (expanded === text) return graph;
      return { ...graph, attrs: { ...graph.attrs, goal: { ...goal, value: { kind: 'string', value: expanded } } } };
    },
  };
}
