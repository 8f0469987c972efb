import { addList, attrText } from './attr-splice.js';
import { appendToLastList, removeAttrStep, setAttrSplices } from './attr-set.js';
import type { CstFile } from './cst.js';
import { rewriteEdge } from './edge-rewrite.js';
import { DotEditError } from './errors.js';
import { checkAttributeKey, checkNewNodeId, formatId } from './format.js';
import { insertInBody } from './insert.js';
import { edgeStatements, nodeExists, nodeStatements, requireNode, topStatements } from './locate.js';
import { statementRemoval, type Splice } from './splice.js';

/** `id [k="v", ...]`, as a new statement writes a node or an edge's attributes. */
export function withAttrs(head: string, attrs: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(attrs ?? {});
  for (const [key] of entries) checkAttributeKey(key);
  return entries.length === 0 ? head : `${head} [${entries.map(([key, value]) => attrText(key, value)).join(', ')}]`;
}

/** A node statement after the last top-level one (or after the defaults, or first in the body). */
function insertNodeStatement(text: string, file: CstFile, statement: string): Splice {
  return insertInBody(text, file.body, [topStatements(file, 'node'), topStatements(file, 'attr-stmt', 'attr-decl')], statement);
}

export function addNode(text: string, file: CstFile, id: string, attrs: Readonly<Record<string, string>> | undefined): Splice[] {
  checkNewNodeId(id);
  if (nodeExists(file, id)) throw new DotEditError(`A node "${id}" already exists`, 'Node ids are unique in a pipeline: pick another id.');
  return [insertNodeStatement(text, file, withAttrs(formatId(id), attrs))];
}

/** One step of set-node-attr (removal repeats it until the key is written nowhere). */
export function setNodeAttrStep(text: string, file: CstFile, id: string, key: string, value: string | undefined): Splice[] | undefined {
  requireNode(file, id);
  checkAttributeKey(key);
  const statements = nodeStatements(file, id);
  if (value === undefined) return removeAttrStep(text, statements, key);
  return setAttrSplices(text, statements, key, value, () => {
    const appended = appendToLastList(text, statements, key, value);
    if (appended !== undefined) return appended;
    const last = statements.at(-1);
    // A node only named by edges gets a statement of its own to hold the attribute.
    if (last === undefined) return insertNodeStatement(text, file, withAttrs(formatId(id), { [key]: value }));
    return addList(last.node.token.end, key, value);
  });
}

/** One step of remove-node: its statements first, then every edge statement that names it. */
export function removeNodeStep(text: string, file: CstFile, id: string): Splice[] | undefined {
  const statement = nodeStatements(file, id)[0];
  if (statement !== undefined) return [statementRemoval(text, statement.start, statement.semicolon?.end ?? statement.end)];
  const edge = edgeStatements(file).find((candidate) => candidate.nodes.some((ref) => ref.id === id));
  if (edge === undefined) return undefined;
  const removed = new Set<number>();
  edge.nodes.forEach((ref, index) => {
    if (ref.id !== id) return;
    if (index > 0) removed.add(index - 1);
    if (index + 1 < edge.nodes.length) removed.add(index);
  });
  return [rewriteEdge(text, file, edge, { removed, drop: id })];
}
