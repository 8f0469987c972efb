import type { CstToken } from './tokens.js';

/**
 * The concrete syntax tree the editor splices: statements with the offsets of every part, so an
 * edit can replace one value or remove one statement and leave every other byte of the file alone.
 * Offsets are into the text the tree was read from; `end` never includes a statement's `;`.
 */

/** `key = value` inside `[...]` or directly in a body. */
export interface CstAttr {
  key: string;
  keyToken: CstToken;
  /** The value as written: usually one token, several for an unquoted colour such as #ff0000. */
  valueStart: number;
  valueEnd: number;
  /** Strings unescaped; anything else as written. */
  value: string;
  quoted: boolean;
  /** A `,` or `;` right after the value. */
  separator?: CstToken;
}

export interface CstAttrList {
  open: CstToken;
  close: CstToken;
  items: CstAttr[];
}

export interface CstNodeRef {
  id: string;
  token: CstToken;
}

interface StatementBase {
  start: number;
  end: number;
  /** The `;` that ends the statement, when there is one. */
  semicolon?: CstToken;
  /** The token the statement starts with (for line and column). */
  first: CstToken;
}

export interface CstNodeStatement extends StatementBase {
  kind: 'node';
  node: CstNodeRef;
  lists: CstAttrList[];
}

export interface CstEdgeStatement extends StatementBase {
  kind: 'edge';
  nodes: CstNodeRef[];
  lists: CstAttrList[];
}

/** `graph [...]`, `node [...]`, `edge [...]`. */
export interface CstAttrStatement extends StatementBase {
  kind: 'attr-stmt';
  target: 'graph' | 'node' | 'edge';
  lists: CstAttrList[];
}

export interface CstAttrDeclaration extends StatementBase {
  kind: 'attr-decl';
  attr: CstAttr;
}

export interface CstSubgraph extends StatementBase {
  kind: 'subgraph';
  body: CstBody;
}

export type CstStatement = CstNodeStatement | CstEdgeStatement | CstAttrStatement | CstAttrDeclaration | CstSubgraph;

export interface CstBody {
  open: CstToken;
  close: CstToken;
  statements: CstStatement[];
  /** The subgraph's id (undefined for the graph itself and anonymous subgraphs). */
  id?: string;
  /** The nearest named subgraph this body sits in, itself included: the membership the editor shows. */
  named?: string;
  /** True for the graph's own body. */
  top: boolean;
}

export interface CstFile {
  text: string;
  tokens: CstToken[];
  name: string;
  body: CstBody;
}
