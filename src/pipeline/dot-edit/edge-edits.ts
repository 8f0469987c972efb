import { addList } from './attr-splice.js';
import { appendToLastList, occurrencesOf, removeAttrStep, setAttrSplices } from './attr-set.js';
import type { CstFile } from './cst.js';
import { rewriteEdge } from './edge-rewrite.js';
import { checkAttributeKey, formatId } from './format.js';
import { insertInBody } from './insert.js';
import { requireHop, requireNode, topStatements } from './locate.js';
import { withAttrs } from './node-edits.js';
import type { Splice } from './splice.js';

/** A new edge statement after the last top-level edge (or node, or default). Repeated pairs are allowed, as in DOT. */
export function addEdge(text: string, file: CstFile, from: string, to: string, attrs: Readonly<Record<string, string>> | undefined): Splice[] {
  requireNode(file, from);
  requireNode(file, to);
  const statement = withAttrs(`${formatId(from)} -> ${formatId(to)}`, attrs);
  return [insertInBody(text, file.body, [topStatements(file, 'edge'), topStatements(file, 'node'), topStatements(file, 'attr-stmt', 'attr-decl')], statement)];
}

export function removeEdge(text: string, file: CstFile, edgeId: string): Splice[] {
  const hop = requireHop(file, edgeId);
  return [rewriteEdge(text, file, hop.statement, { removed: new Set([hop.index]) })];
}

/**
 * One step of set-edge-attr. A chain's attributes belong to all its hops, so a hop of a chain is
 * first split out into a statement of its own (`a -> b -> c` becomes `a -> b` and `b -> c`, both
 * with the chain's `[...]`); the next step then edits only that statement.
 */
export function setEdgeAttrStep(text: string, file: CstFile, edgeId: string, key: string, value: string | undefined): Splice[] | undefined {
  checkAttributeKey(key);
  const { statement, index } = requireHop(file, edgeId);
  const own = [statement];
  if (value === undefined && occurrencesOf(own, key).length === 0) return undefined;
  if (statement.nodes.length > 2) return [rewriteEdge(text, file, statement, { isolate: index })];
  if (value === undefined) return removeAttrStep(text, own, key);
  return setAttrSplices(text, own, key, value, () => appendToLastList(text, own, key, value) ?? addList(statement.end, key, value));
}
