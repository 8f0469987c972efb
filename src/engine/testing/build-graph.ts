import { tryParseDuration } from '../../core/duration.js';
import type { SourceLocation } from '../../core/source-location.js';
import type { AttrValue, Attribute, Attributes, Graph, GraphEdge, GraphNode } from '../../pipeline/graph/model.js';

/**
 * Builds Graph values directly, for rule tests that should not depend on the DOT parser.
 * Strings that look like durations (`2s`) become duration values, as the parser types them.
 */
export type PlainAttrs = Record<string, string | number | boolean>;

const loc: SourceLocation = { file: '<test>', line: 1, column: 1 };

export function toAttributes(plain: PlainAttrs = {}): Attributes {
  const attrs: Record<string, Attribute> = {};
  for (const [key, value] of Object.entries(plain)) attrs[key] = { key, value: toAttrValue(value), loc };
  return attrs;
}

function toAttrValue(value: string | number | boolean): AttrValue {
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return Number.isInteger(value) ? { kind: 'integer', value } : { kind: 'float', value };
  const ms = tryParseDuration(value);
  return ms === undefined ? { kind: 'string', value } : { kind: 'duration', ms, text: value };
}

export function buildNode(id: string, attrs: PlainAttrs = {}): GraphNode {
  return { id, attrs: toAttributes(attrs), classes: [], subgraphs: [], loc, implicit: false };
}

let edgeCounter = 0;

export function buildEdge(from: string, to: string, attrs: PlainAttrs = {}): GraphEdge {
  return { from, to, attrs: toAttributes(attrs), loc, index: edgeCounter++ };
}

export interface GraphSpec {
  attrs?: PlainAttrs;
  nodes?: Record<string, PlainAttrs>;
  edges?: Array<[string, string, PlainAttrs?]>;
}

export function buildGraph(spec: GraphSpec): Graph {
  const nodes = new Map<string, GraphNode>();
  for (const [id, attrs] of Object.entries(spec.nodes ?? {})) nodes.set(id, buildNode(id, attrs));
  const edges = (spec.edges ?? []).map(([from, to, attrs], index) => ({ ...buildEdge(from, to, attrs), index }));
  for (const edge of edges) {
    for (const id of [edge.from, edge.to]) if (!nodes.has(id)) nodes.set(id, buildNode(id));
  }
  return { name: 'test', file: '<test>', attrs: toAttributes(spec.attrs), nodes, edges, loc };
}
