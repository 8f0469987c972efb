import { appendToList, removeItem, removeList, replaceValue } from './attr-splice.js';
import type { CstAttr, CstAttrList, CstStatement } from './cst.js';
import { statementRemoval, type Splice } from './splice.js';

/** Where an attribute is written: in a `[...]` of a statement, or as a body's `key = value`. */
interface Occurrence {
  statement: CstStatement;
  list?: CstAttrList;
  attr: CstAttr;
}

export function occurrencesOf(statements: readonly CstStatement[], key: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const statement of statements) {
    if (statement.kind === 'attr-decl') {
      if (statement.attr.key === key) found.push({ statement, attr: statement.attr });
    } else if (statement.kind !== 'subgraph') {
      for (const list of statement.lists) for (const attr of list.items) if (attr.key === key) found.push({ statement, list, attr });
    }
  }
  return found;
}

/**
 * Sets `key` on the subject written by `statements`: the last place it is written wins, so that is
 * the value replaced; when it is written nowhere, `whenAbsent` says where it goes. Returns undefined
 * when the text already says exactly this.
 */
export function setAttrSplices(text: string, statements: readonly CstStatement[], key: string, value: string, whenAbsent: () => Splice): Splice[] | undefined {
  const last = occurrencesOf(statements, key).at(-1);
  if (last === undefined) return [whenAbsent()];
  const splice = replaceValue(last.attr, value);
  return text.slice(splice.start, splice.end) === splice.insert ? undefined : [splice];
}

/** Appends to the last `[...]` of the last statement that has one; undefined when none has. */
export function appendToLastList(text: string, statements: readonly CstStatement[], key: string, value: string): Splice | undefined {
  for (const statement of [...statements].reverse()) {
    if (statement.kind === 'attr-decl' || statement.kind === 'subgraph') continue;
    const list = statement.lists.at(-1);
    if (list !== undefined) return appendToList(text, list, key, value);
  }
  return undefined;
}

/**
 * One step of removing `key`: its last occurrence goes (the caller repeats until none is left, so an
 * earlier value cannot resurface). An emptied `[...]` goes with its brackets; an emptied
 * `graph [...]` statement and a `key = value` statement go with their line.
 */
export function removeAttrStep(text: string, statements: readonly CstStatement[], key: string): Splice[] | undefined {
  const last = occurrencesOf(statements, key).at(-1);
  if (last === undefined) return undefined;
  const { statement, list, attr } = last;
  const whole = (): Splice => statementRemoval(text, statement.start, statement.semicolon?.end ?? statement.end);
  if (list === undefined) return [whole()];
  if (list.items.length > 1) return removeItem(text, list, attr);
  if (statement.kind === 'attr-stmt' && statement.lists.length === 1) return [whole()];
  return [removeList(list)];
}
