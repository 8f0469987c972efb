import type { ResolvedPeople } from '../../../config/people-types.js';
import { formatLocation } from '../../../core/source-location.js';
import { resolveAssignee } from '../../../humans/people/resolve-assignee.js';
import { textValue, type Graph } from '../../../pipeline/graph/model.js';
import { handlerTypeOf } from '../../../pipeline/graph/node-kind.js';

/**
 * Every gate's `human.assignee` names a user or group of `people:` (E_UNKNOWN_PERSON naming the
 * node, the attribute and where it is written otherwise): checked when a run starts, so that no
 * gate creates a task waiting for nobody.
 */
export function checkGateAssignees(graph: Graph, people: ResolvedPeople): void {
  for (const node of graph.nodes.values()) {
    if (handlerTypeOf(node) !== 'wait.human') continue;
    const attr = node.attrs['human.assignee'];
    if (!attr) continue;
    resolveAssignee(people, textValue(attr.value), `${formatLocation(attr.loc)}: human.assignee of node "${node.id}"`);
  }
}
