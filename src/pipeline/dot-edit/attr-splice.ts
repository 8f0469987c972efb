import type { CstAttr, CstAttrList } from './cst.js';
import { formatValue, quote } from './format.js';
import { blankBefore, cleanLineEnd, indentAt, lineStartOf, newlineOf, pastNewline, type Splice } from './splice.js';

/** Replaces only the value's text (bare stays bare when it can). */
export function replaceValue(attr: CstAttr, value: string): Splice {
  return { start: attr.valueStart, end: attr.valueEnd, insert: formatValue(value, !attr.quoted) };
}

export function attrText(key: string, value: string): string {
  return `${key}=${quote(value)}`;
}

/** `key="v"` as the list's new last item, in the list's own layout: one per line, or `, ` between. */
export function appendToList(text: string, list: CstAttrList, key: string, value: string): Splice {
  const item = attrText(key, value);
  const last = list.items[list.items.length - 1];
  if (last === undefined) return { start: list.open.end, end: list.open.end, insert: item };
  const separator = list.items.find((attr) => attr.separator !== undefined)?.separator?.text ?? (list.items.length > 1 ? '' : ',');
  const ownLines = last.keyToken.line !== list.open.line && blankBefore(text, last.keyToken.start);
  const gap = ownLines ? newlineOf(text) + indentAt(text, last.keyToken.start) : ' ';
  return { start: last.valueEnd, end: last.valueEnd, insert: `${separator}${gap}${item}` };
}

/** ` [key="v"]` right after `offset` (the end of a node id or of an edge's last node). */
export function addList(offset: number, key: string, value: string): Splice {
  return { start: offset, end: offset, insert: ` [${attrText(key, value)}]` };
}

/**
 * Removes one item and a separator next to it. An item alone on its line goes with its line (and
 * its comment); the last item of a list takes the separator before it along, so no `,` dangles.
 * Removing the only item of a list is the caller's (removeList): the brackets go too.
 */
export function removeItem(text: string, list: CstAttrList, item: CstAttr): Splice[] {
  const at = list.items.indexOf(item);
  const next = list.items[at + 1];
  const previous = list.items[at - 1];
  const itemEnd = item.separator?.end ?? item.valueEnd;
  const lineEnd = cleanLineEnd(text, itemEnd);
  if (blankBefore(text, item.keyToken.start) && lineEnd !== undefined && item.keyToken.line !== list.open.line) {
    const line: Splice = { start: lineStartOf(text, item.keyToken.start), end: pastNewline(text, lineEnd), insert: '' };
    if (next === undefined && item.separator === undefined && previous?.separator !== undefined) {
      return [line, { start: previous.valueEnd, end: previous.separator.end, insert: '' }];
    }
    return [line];
  }
  if (next !== undefined) return [{ start: item.keyToken.start, end: next.keyToken.start, insert: '' }];
  if (previous !== undefined) return [{ start: previous.valueEnd, end: item.valueEnd, insert: '' }];
  return [{ start: item.keyToken.start, end: itemEnd, insert: '' }];
}

/** Removes a whole `[...]` with the blanks before it: `plan [x=1];` becomes `plan;`. */
export function removeList(list: CstAttrList): Splice {
  const blanks = /\s*$/.exec(list.open.leading)?.[0].length ?? 0;
  return { start: list.open.start - blanks, end: list.close.end, insert: '' };
}
