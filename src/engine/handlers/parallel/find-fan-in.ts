import { outgoingEdges, type Graph } from '../../../pipeline/graph/model.js';
import { handlerTypeOf } from '../../../pipeline/graph/node-kind.js';

/**
 * The fan-in node where the branches of `parallelId` meet (decision 6): the first
 * `parallel.fan_in` node, in breadth-first order from the first branch, that every branch reaches.
 * Searches do not pass through the parallel node itself, so a loop back to it is not a path.
 * Nested parallels work: their own fan-in is reached by one branch only, so the outer one is found.
 */
export function findFanIn(graph: Graph, parallelId: string): string | undefined {
  const starts = outgoingEdges(graph, parallelId).map((edge) => edge.to);
  if (starts.length === 0) return undefined;
  const [first, ...others] = starts.map((start) => reachableFanIns(graph, start, parallelId));
  return first!.find((id) => others.every((reached) => reached.includes(id)));
}

/** Fan-in nodes reachable from `start` (itself included), in breadth-first order. */
function reachableFanIns(graph: Graph, start: string, parallelId: string): string[] {
  const seen = new Set([start, parallelId]);
  const queue = [start];
  const found: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const node = graph.nodes.get(id);
    if (node && handlerTypeOf(node) === 'parallel.fan_in') found.push(id);
    for (const edge of outgoingEdges(graph, id)) {
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  return found;
}
