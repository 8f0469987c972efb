import { incomingEdges, outgoingEdges, type Graph } from '../graph/model.js';

/** Ids reachable from `from` along edges (forward) or against them (backward), `from` included. */
export function reachableIds(graph: Graph, from: string, direction: 'forward' | 'backward'): Set<string> {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const edges = direction === 'forward' ? outgoingEdges(graph, id) : incomingEdges(graph, id);
    for (const edge of edges) {
      const next = direction === 'forward' ? edge.to : edge.from;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}
