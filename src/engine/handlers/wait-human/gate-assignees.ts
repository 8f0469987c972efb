import { parse } from 'yaml';
import type { ResolvedPeople } from '../../../config/people-types.js';
import { formatLocation } from '../../../core/source-location.js';
import { resolveAssignee } from '../../../humans/people/resolve-assignee.js';
import { textValue, type Graph, type GraphNode } from '../../../pipeline/graph/model.js';
import { handlerTypeOf } from '../../../pipeline/graph/node-kind.js';

/**
 * Every gate's `human.assignee`, and every `reassign:` of its `human.escalation`, names a user or
 * group of `people:` (E_UNKNOWN_PERSON naming the node, the attribute and where it is written
 * otherwise): checked when a run starts, so that no gate creates a task waiting for nobody. An
 * interactive LLM node's `human.assignee` is checked too.
 */
export function checkGateAssignees(graph: Graph, people: ResolvedPeople): void {
  for (const node of graph.nodes.values()) {
    // An interactive LLM node's chat tasks are assigned the same way (issue 10).
    if (handlerTypeOf(node) !== 'wait.human' && !isInteractive(node)) continue;
    const attr = node.attrs['human.assignee'];
    if (attr) resolveAssignee(people, textValue(attr.value), `${formatLocation(attr.loc)}: human.assignee of node "${node.id}"`);
    const escalation = node.attrs['human.escalation'];
    if (!escalation) continue;
    reassignTargets(textValue(escalation.value)).forEach(([index, target]) => {
      resolveAssignee(people, target, `${formatLocation(escalation.loc)}: human.escalation[${index}].reassign of node "${node.id}"`);
    });
  }
}

function isInteractive(node: GraphNode): boolean {
  const attr = node.attrs['interactive'];
  return handlerTypeOf(node) === 'codergen' && attr !== undefined && textValue(attr.value).trim().toLowerCase() === 'true';
}

/** The `reassign:` of each step, by step index; the human_form rule reports a chain that does not parse. */
function reassignTargets(text: string): Array<[number, string]> {
  let steps: unknown;
  try {
    steps = parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step: unknown, index): Array<[number, string]> => {
    const target = typeof step === 'object' && step !== null ? (step as { reassign?: unknown }).reassign : undefined;
    return typeof target === 'string' ? [[index, target]] : [];
  });
}
