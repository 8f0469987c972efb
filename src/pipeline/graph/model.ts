import type { SourceLocation } from '../../core/source-location.js';

/**
 * The graph model every later stage works on: the parser builds it, transforms return new ones,
 * validation reads it, the engine runs it. Attribute values keep their DOT type and source position
 * so that every diagnostic can point at the text the user wrote.
 */
export type AttrValue =
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'duration'; ms: number; text: string }
  /** An unquoted word such as `box`, `LR`, `wait_all`, `gpt-5.2`. */
  | { kind: 'bare'; value: string };

export interface Attribute {
  key: string;
  value: AttrValue;
  /** Where the `key=value` pair was written; for inherited defaults, where the default was written. */
  loc: SourceLocation;
  /**
   * Set when the value was an unquoted run-on number such as `10px` or `5min`: the parser keeps it
   * as a bare word so one bad value is a diagnostic (value_syntax, attribute_type), not a syntax
   * error that hides every other finding in the file.
   */
  malformed?: true;
}

/**
 * Attributes by key. A plain object built by the parser: read keys that come from user text with
 * `Object.hasOwn` (or readAttribute in attr-read.ts), since `constructor` and friends are inherited.
 */
export type Attributes = Readonly<Record<string, Attribute>>;

export interface GraphNode {
  id: string;
  attrs: Attributes;
  /** Classes from the `class` attribute and from enclosing subgraph labels, in that order, deduplicated. */
  classes: readonly string[];
  /** Enclosing subgraphs, outermost first (their id and derived class), for thread_id derivation. */
  subgraphs: readonly SubgraphRef[];
  /** Where the node was first declared (or first used by an edge, for implicit nodes). */
  loc: SourceLocation;
  /** True when the node was never declared, only named by an edge. */
  implicit: boolean;
}

export interface SubgraphRef {
  id: string | undefined;
  /** Class derived from the subgraph label (`Loop A` → `loop-a`), if it has a label. */
  derivedClass: string | undefined;
  /** The label as written, for drawing the subgraph as a cluster. */
  label?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  attrs: Attributes;
  loc: SourceLocation;
  /** Declaration order across the whole file, from 0. */
  index: number;
}

export interface Graph {
  /** The identifier after `digraph`. */
  name: string;
  /** The file the graph came from (as given), or `<inline>`. */
  file: string;
  attrs: Attributes;
  /** In declaration order; iteration order is relied on (goal gates, §29.11). */
  nodes: ReadonlyMap<string, GraphNode>;
  edges: readonly GraphEdge[];
  loc: SourceLocation;
}

/** The value as a plain JS scalar, the way handlers and the context see it. */
export function plainValue(value: AttrValue): string | number | boolean {
  switch (value.kind) {
    case 'duration':
      return value.text;
    default:
      return value.value;
  }
}

/** The value as text, the way conditions and prompts see it. */
export function textValue(value: AttrValue): string {
  return String(plainValue(value));
}

interface EdgeIndex {
  outgoing: Map<string, GraphEdge[]>;
  incoming: Map<string, GraphEdge[]>;
}

// Graphs are immutable, so the adjacency index is computed once per graph object.
const edgeIndexes = new WeakMap<Graph, EdgeIndex>();

function edgeIndex(graph: Graph): EdgeIndex {
  let index = edgeIndexes.get(graph);
  if (!index) {
    index = { outgoing: new Map(), incoming: new Map() };
    for (const edge of graph.edges) {
      pushTo(index.outgoing, edge.from, edge);
      pushTo(index.incoming, edge.to, edge);
    }
    edgeIndexes.set(graph, index);
  }
  return index;
}

function pushTo(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

/** Edges leaving `nodeId`, in declaration order. */
export function outgoingEdges(graph: Graph, nodeId: string): readonly GraphEdge[] {
  return edgeIndex(graph).outgoing.get(nodeId) ?? [];
}

/** Edges entering `nodeId`, in declaration order. */
export function incomingEdges(graph: Graph, nodeId: string): readonly GraphEdge[] {
  return edgeIndex(graph).incoming.get(nodeId) ?? [];
}
