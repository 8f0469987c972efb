import { attrText } from './attr-splice.js';
import { appendToLastList, removeAttrStep, setAttrSplices } from './attr-set.js';
import type { CstFile, CstStatement } from './cst.js';
import { checkAttributeKey } from './format.js';
import { insertInBody } from './insert.js';
import { topStatements } from './locate.js';
import type { Splice } from './splice.js';

/** The graph's own attribute statements: top-level `graph [...]` and `key = value` (not subgraphs'). */
function graphAttrStatements(file: CstFile): CstStatement[] {
  return file.body.statements.filter((s) => s.kind === 'attr-decl' || (s.kind === 'attr-stmt' && s.target === 'graph'));
}

/**
 * One step of set-graph-attr. A new attribute joins the last `graph [...]`; a file without one gets
 * `key="v"` after its last top-level `key = value`, or as the body's first statement.
 */
export function setGraphAttrStep(text: string, file: CstFile, key: string, value: string | undefined): Splice[] | undefined {
  checkAttributeKey(key);
  const statements = graphAttrStatements(file);
  if (value === undefined) return removeAttrStep(text, statements, key);
  return setAttrSplices(text, statements, key, value, () => {
    const graphLists = statements.filter((s) => s.kind === 'attr-stmt');
    return appendToLastList(text, graphLists, key, value) ?? insertInBody(text, file.body, [topStatements(file, 'attr-decl')], attrText(key, value));
  });
}
