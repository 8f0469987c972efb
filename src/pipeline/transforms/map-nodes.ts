import type { Attribute, Graph, GraphNode } from '../graph/model.js';

/**
 * A copy of `graph` with each node replaced by `fn(node)`. Returns `graph` itself when `fn`
 * returned every node unchanged, so untouched graphs keep their cached edge index.
 */
export function mapNodes(graph: Graph, fn: (node: GraphNode) => GraphNode): Graph {
  let changed = false;
  const nodes = new Map<string, GraphNode>();
  for (const [id, node] of graph.nodes) {
    const next = fn(node);
    if (next !== node) changed = true;
    nodes.set(id, next);
  }
  return changed ? { ...graph, nodes } : graph;
}

/** A copy of `node` with `attrs` added or replaced. */
export function withNodeAttributes(node: GraphNode, attrs: readonly Attribute[]): GraphNode {
  if (attrs.length === 0) return node;
  const merged: Record<string, Attribute> = { ...node.attrs };
  for (const attr of attrs) merged[attr.key] = attr;
  return { ...node, attrs: merged };
}
