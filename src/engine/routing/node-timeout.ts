import { ownerOf, readDurationMs } from '../../pipeline/graph/attr-read.js';
import type { Graph, GraphNode } from '../../pipeline/graph/model.js';

/**
 * The node's time limit (decision 19): its own `timeout`, else the graph's `default_timeout`. Human
 * gates wait for people: only their own `timeout` (or `human.timeout`) limits them. Undefined means
 * no limit here; model and agent calls still stop after 30 minutes (the backend router's default).
 */
export function resolveNodeTimeout(node: GraphNode, graph: Graph, handlerType: string): number | undefined {
  const own = readDurationMs(node.attrs, 'timeout', ownerOf(node));
  if (own !== undefined) return own;
  if (handlerType === 'wait.human') return undefined;
  const graphDefault = readDurationMs(graph.attrs, 'default_timeout', ownerOf(graph));
  return graphDefault;
}
