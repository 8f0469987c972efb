import type { Attribute, Graph } from '../graph/model.js';
import { textValue } from '../graph/model.js';
import { expandVariables } from './expand-variables.js';
import { mapNodes, withNodeAttributes } from './map-nodes.js';
import type { Transform } from './transform.js';

/**
 * The variables a prompt sees before the run: the run variables plus `goal`. The graph's own goal
 * wins, so `$goal` always agrees with `graph.goal` in the context.
 */
export function resolvePromptVariables(graph: Graph, variables: Readonly<Record<string, string>>): Record<string, string> {
  const goal = graph.attrs['goal'];
  return { ...variables, goal: goal ? textValue(goal.value) : (variables['goal'] ?? '') };
}

/**
 * Expands run variables in the graph's `goal` (so `goal="Review PR $pr_number"` works), then `$goal`
 * and run variables in every node `prompt`; `${context.x}` waits for run time.
 */
export function createVariablesTransform(variables: Readonly<Record<string, string>> = {}): Transform {
  return {
    name: 'variables',
    apply(input: Graph): Graph {
      const graph = expandGoal(input, variables);
      const vars = resolvePromptVariables(graph, variables);
      return mapNodes(graph, (node) => {
        const prompt = node.attrs['prompt'];
        if (!prompt) return node;
        const text = textValue(prompt.value);
        const expanded = expandVariables(text, vars, { what: `prompt of node "${node.id}"`, loc: prompt.loc });
        if (expanded === text) return node;
        const attr: Attribute = { ...prompt, value: { kind: 'string', value: expanded } };
        return withNodeAttributes(node, [attr]);
      });
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
