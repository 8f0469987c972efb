import type { SourceLocation } from '../../core/source-location.js';
import type { Attribute } from '../graph/model.js';

/**
 * The syntax tree of one DOT file, before scoping: defaults, subgraph classes and chained edges are
 * still as written. The graph builder flattens it into the Graph model.
 */
export interface DotGraph {
  /** The identifier after `digraph`; empty for `digraph { ... }`. */
  name: string;
  body: readonly Statement[];
  /** The `digraph` keyword. */
  loc: SourceLocation;
}

export interface NodeRef {
  id: string;
  loc: SourceLocation;
}

/** `graph [...]`, `node [...]` or `edge [...]`. */
export interface AttrStatement {
  kind: 'attr-stmt';
  target: 'graph' | 'node' | 'edge';
  attrs: readonly Attribute[];
  loc: SourceLocation;
}

/** `key = value` directly in a graph or subgraph body. */
export interface AttrDeclaration {
  kind: 'attr-decl';
  attr: Attribute;
}

export interface NodeStatement {
  kind: 'node';
  node: NodeRef;
  attrs: readonly Attribute[];
}

/** `a -> b -> c [attrs]`: two or more nodes, the attributes apply to every hop. */
export interface EdgeStatement {
  kind: 'edge';
  nodes: readonly NodeRef[];
  attrs: readonly Attribute[];
}

export interface SubgraphStatement {
  kind: 'subgraph';
  id: string | undefined;
  body: readonly Statement[];
  /** The `subgraph` keyword, or the `{` of an anonymous one. */
  loc: SourceLocation;
}

export type Statement = AttrStatement | AttrDeclaration | NodeStatement | EdgeStatement | SubgraphStatement;
