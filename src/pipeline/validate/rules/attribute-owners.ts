import type { Attribute, Attributes, Graph, GraphEdge, GraphNode } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';

/** The graph, a node or an edge, with its attributes. */
export type AttributeOwner =
  | { scope: 'graph'; attrs: Attributes }
  | { scope: 'node'; attrs: Attributes; node: GraphNode }
  | { scope: 'edge'; attrs: Attributes; edge: GraphEdge };

/** The graph, every node and every edge, for rules that check attributes one by one. */
export function* attributeOwners(graph: Graph): Generator<AttributeOwner> {
  yield { scope: 'graph', attrs: graph.attrs };
  for (const node of graph.nodes.values()) yield { scope: 'node', attrs: node.attrs, node };
  for (const edge of graph.edges) yield { scope: 'edge', attrs: edge.attrs, edge };
}

/** `node plan`, `edge a -> b`, `the graph`: for messages. */
export function ownerName(owner: AttributeOwner): string {
  if (owner.scope === 'node') return `node ${owner.node.id}`;
  if (owner.scope === 'edge') return `edge ${owner.edge.from} -> ${owner.edge.to}`;
  return 'the graph';
}

/** The diagnostic fields that say which node or edge a finding is about. */
export function ownerWhere(owner: AttributeOwner): Pick<Diagnostic, 'nodeId' | 'edge'> {
  if (owner.scope === 'node') return { nodeId: owner.node.id };
  if (owner.scope === 'edge') return { edge: { from: owner.edge.from, to: owner.edge.to } };
  return {};
}

/**
 * Each attribute as written that `include` accepts, with the first owner that accepts it: `node [...]`
 * defaults and chained edges share one written attribute among many owners, and a finding about it
 * is reported once, where it was written.
 */
export function* writtenAttributes(graph: Graph, include: (owner: AttributeOwner, attr: Attribute) => boolean): Generator<{ owner: AttributeOwner; attr: Attribute }> {
  const seen = new Set<string>();
  for (const owner of attributeOwners(graph)) {
    for (const key in owner.attrs) {
      const attr = owner.attrs[key] as Attribute;
      if (include(owner, attr) && isFirstSighting(seen, attr)) yield { owner, attr };
    }
  }
}

function isFirstSighting(seen: Set<string>, attr: Attribute): boolean {
  const key = `${attr.key}@${attr.loc.line}:${attr.loc.column}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
