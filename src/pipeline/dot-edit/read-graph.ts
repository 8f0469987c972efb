import type { CstAttrList, CstBody, CstFile, CstStatement } from './cst.js';
import type { CstToken } from './tokens.js';
import type { EditorEdge, EditorGraph, EditorNode, TextSpan } from './types.js';

/**
 * The editor's graph as the file writes it. Attributes are those written on the node's or edge's
 * own statements (later ones win): defaults from `node [...]`, `edge [...]` and subgraphs are NOT
 * merged in, because the side panel edits what the statement says, and a default is edited where
 * it is written. The validator (which merges them) is the place for effective values.
 */
export function graphOfCst(file: CstFile): EditorGraph {
  const nodes = new Map<string, EditorNode & { declared: boolean; attrs: Record<string, string> }>();
  const edges: EditorEdge[] = [];
  const pairCounts = new Map<string, number>();
  const graphAttrs: Record<string, string> = {};

  type Entry = EditorNode & { declared: boolean; attrs: Record<string, string> };
  const entry = (id: string, span: TextSpan, body: CstBody, declared: boolean): Entry => {
    const node: Entry = { id, attrs: {}, span, declared, ...(body.named === undefined ? {} : { subgraph: body.named }) };
    nodes.set(id, node);
    return node;
  };
  const mentionInEdge = (id: string, token: CstToken, body: CstBody): void => {
    if (!nodes.has(id)) entry(id, spanOf(token, token.end), body, false);
  };
  /** The first statement of a node gives its span and subgraph, even after edges mentioned it. */
  const declare = (id: string, span: TextSpan, body: CstBody): Entry => {
    const node = nodes.get(id);
    if (node === undefined) return entry(id, span, body, true);
    if (!node.declared) {
      node.declared = true;
      node.span = span;
      if (body.named === undefined) delete node.subgraph;
      else node.subgraph = body.named;
    }
    return node;
  };

  const visit = (body: CstBody, statement: CstStatement): void => {
    switch (statement.kind) {
      case 'node': {
        const node = declare(statement.node.id, spanOf(statement.first, statement.end), body);
        Object.assign(node.attrs, attrsOf(statement.lists));
        break;
      }
      case 'edge': {
        const attrs = attrsOf(statement.lists);
        for (const ref of statement.nodes) mentionInEdge(ref.id, ref.token, body);
        for (let i = 0; i + 1 < statement.nodes.length; i++) {
          const from = statement.nodes[i]!;
          const to = statement.nodes[i + 1]!;
          const pair = `${from.id}->${to.id}`;
          const n = pairCounts.get(pair) ?? 0;
          pairCounts.set(pair, n + 1);
          const end = i + 2 === statement.nodes.length ? statement.end : to.token.end;
          edges.push({ id: `${pair}#${n}`, from: from.id, to: to.id, attrs, span: spanOf(from.token, end) });
        }
        break;
      }
      case 'attr-stmt':
        if (body.top && statement.target === 'graph') Object.assign(graphAttrs, attrsOf(statement.lists));
        break;
      case 'attr-decl':
        if (body.top) graphAttrs[statement.attr.key] = statement.attr.value;
        break;
      case 'subgraph':
        for (const inner of statement.body.statements) visit(statement.body, inner);
        break;
    }
  };
  for (const statement of file.body.statements) visit(file.body, statement);

  const editorNodes = [...nodes.values()].map(({ declared: _declared, ...node }) => {
    const pos = parsePos(node.attrs.pos);
    return pos === undefined ? node : { ...node, pos };
  });
  return { name: file.name, attrs: graphAttrs, nodes: editorNodes, edges };
}

export function attrsOf(lists: readonly CstAttrList[]): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const list of lists) for (const item of list.items) attrs[item.key] = item.value;
  return attrs;
}

export function spanOf(first: CstToken, end: number): TextSpan {
  return { line: first.line, column: first.column, start: first.start, end };
}

const POS = /^\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*,\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*(!?)\s*$/;

/** `"x,y"` or `"x,y!"` (Graphviz's pinned position). */
export function parsePos(value: string | undefined): EditorNode['pos'] {
  const match = value === undefined ? null : POS.exec(value);
  if (match === null) return undefined;
  return { x: Number(match[1]), y: Number(match[2]), pinned: match[3] === '!' };
}

