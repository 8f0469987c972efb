import type { EdgeSelectionReason } from '../../core/events.js';
import type { Outcome } from '../../core/outcome.js';
import type { Graph, GraphEdge, GraphNode } from '../../pipeline/graph/model.js';
import { outgoingEdges } from '../../pipeline/graph/model.js';
import { edgeLabel, isLoopRestart } from './edge-attrs.js';
import { routeFailure } from './route-failure.js';
import { selectEdge, type ContextLookup } from './select-edge.js';

/** What the run does after a node finished with its final outcome. */
export type NextStep =
  | {
      kind: 'advance';
      to: string;
      reason: EdgeSelectionReason;
      /** The edge taken; undefined for jumps (retry target, parallel fan-in). */
      edge: GraphEdge | undefined;
      label: string | undefined;
      loopRestart: boolean;
    }
  /** No edge qualifies after a non-failing outcome: the run ends here (digest §5 step f). */
  | { kind: 'end' }
  | { kind: 'fail'; message: string };

/**
 * The routing decision after one node: FAIL goes through failure routing (decision 3); a
 * `parallel` node continues at the fan-in its handler named (decision 6); everything else takes
 * the edge that selectEdge picks.
 */
export function decideNextStep(graph: Graph, node: GraphNode, handlerType: string, outcome: Outcome, lookup: ContextLookup): NextStep {
  if (outcome.status === 'fail') {
    const route = routeFailure(graph, node, outcome, lookup);
    if (route.kind === 'fail') return route;
    if (route.kind === 'retry_target') return jump(route.target, 'retry_target');
    return viaEdge(route.edge, 'condition');
  }
  if (handlerType === 'parallel') {
    const fanIn = outcome.suggestedNextIds?.[0];
    if (fanIn === undefined || !graph.nodes.has(fanIn)) {
      return { kind: 'fail', message: `Parallel node "${node.id}" finished without naming an existing fan-in node to continue at` };
    }
    return jump(fanIn, 'suggested_id');
  }
  const choice = selectEdge(outgoingEdges(graph, node.id), outcome, lookup);
  return choice ? viaEdge(choice.edge, choice.reason) : { kind: 'end' };
}

function jump(to: string, reason: EdgeSelectionReason): NextStep {
  return { kind: 'advance', to, reason, edge: undefined, label: undefined, loopRestart: false };
}

function viaEdge(edge: GraphEdge, reason: EdgeSelectionReason): NextStep {
  const label = edgeLabel(edge);
  return { kind: 'advance', to: edge.to, reason, edge, label: label === '' ? undefined : label, loopRestart: isLoopRestart(edge) };
}
