import type { CstBody, CstStatement } from './cst.js';
import { blankBefore, cleanLineEnd, indentAt, lineStartOf, newlineOf, type Splice } from './splice.js';

/** Indentation added inside an empty body: two spaces, what `orchestra` and the examples write. */
const STEP = '  ';

/**
 * A new statement on its own line after `anchor`, indented like it and ended like it (`;` or not).
 * When another statement shares the anchor's line, the new one goes right after the anchor on it.
 */
export function insertAfter(text: string, anchor: CstStatement, statement: string): Splice {
  const terminator = anchor.semicolon === undefined ? '' : ';';
  const end = anchor.semicolon?.end ?? anchor.end;
  const lineEnd = cleanLineEnd(text, end);
  if (lineEnd === undefined) return { start: end, end, insert: ` ${statement}${terminator}` };
  return { start: lineEnd, end: lineEnd, insert: `${newlineOf(text)}${indentAt(text, anchor.start)}${statement}${terminator}` };
}

/** A new statement on its own line before `anchor` (when the body has nothing to put it after). */
export function insertBefore(text: string, anchor: CstStatement, statement: string): Splice {
  const terminator = anchor.semicolon === undefined ? '' : ';';
  if (!blankBefore(text, anchor.start)) return { start: anchor.start, end: anchor.start, insert: `${statement}; ` };
  const lineStart = lineStartOf(text, anchor.start);
  return { start: lineStart, end: lineStart, insert: `${indentAt(text, anchor.start)}${statement}${terminator}${newlineOf(text)}` };
}

/** The first statement of an empty body, one step deeper than its `}`. */
export function insertIntoEmpty(text: string, body: CstBody, statement: string): Splice {
  const close = body.close.start;
  const newline = newlineOf(text);
  if (blankBefore(text, close)) {
    const lineStart = lineStartOf(text, close);
    return { start: lineStart, end: lineStart, insert: `${indentAt(text, close)}${STEP}${statement}${newline}` };
  }
  return { start: close, end: close, insert: `${newline}${indentAt(text, body.open.start)}${STEP}${statement}${newline}` };
}

/** After the last of `anchors` (in preference order), else before the body's first statement, else into it. */
export function insertInBody(text: string, body: CstBody, anchors: readonly (readonly CstStatement[])[], statement: string): Splice {
  for (const group of anchors) {
    const last = group[group.length - 1];
    if (last !== undefined) return insertAfter(text, last, statement);
  }
  const first = body.statements[0];
  return first === undefined ? insertIntoEmpty(text, body, statement) : insertBefore(text, first, statement);
}
