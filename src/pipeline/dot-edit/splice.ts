/** One change to the text: `text.slice(start, end)` becomes `insert`. Every edit is one or more of these. */
export interface Splice {
  start: number;
  end: number;
  insert: string;
}

export function applySplice(text: string, splice: Splice): string {
  return text.slice(0, splice.start) + splice.insert + text.slice(splice.end);
}

/** The file's own line ending, so an edit to a CRLF file adds CRLF lines. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The blanks that start the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** Only blanks between the start of the line and `offset`. */
export function blankBefore(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/**
 * Where the line holding `offset` ends (the offset of its newline, or of the `\r` before it), when
 * what follows `offset` on it is only blanks and a `//` or one-line `/* *\/` comment: the place to
 * add a line after a statement. Undefined when another token follows on the same line, or a block
 * comment runs on to the next line.
 */
export function cleanLineEnd(text: string, offset: number): number | undefined {
  let at = offset;
  for (;;) {
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (text.startsWith('//', at)) {
      const newline = text.indexOf('\n', at);
      at = newline === -1 ? text.length : newline;
    } else if (text.startsWith('/*', at)) {
      const close = text.indexOf('*/', at + 2);
      const newline = text.indexOf('\n', at);
      if (close === -1 || (newline !== -1 && newline < close)) return undefined;
      at = close + 2;
      continue;
    }
    if (at >= text.length) return text.length;
    if (text[at] === '\n') return text[at - 1] === '\r' ? at - 1 : at;
    if (text[at] === '\r' && text[at + 1] === '\n') return at;
    return undefined;
  }
}

/** Past the line ending at `lineEnd` (from cleanLineEnd). */
export function pastNewline(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  return text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
}

/**
 * The range to delete to remove the statement at [start, end): its whole line(s), with a comment
 * after it on the same line, when it stands alone on them; otherwise the statement and the blanks
 * after it (or before it, at the end of a line), so neighbours on the same line stay apart.
 */
export function statementRemoval(text: string, start: number, end: number): Splice {
  const lineEnd = cleanLineEnd(text, end);
  if (blankBefore(text, start) && lineEnd !== undefined) {
    return { start: lineStartOf(text, start), end: pastNewline(text, lineEnd), insert: '' };
  }
  let after = end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (lineEnd === undefined) return { start, end: after, insert: '' };
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  return { start: before, end, insert: '' };
}

/** Applies splices that do not overlap, last first, so earlier offsets stay right. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  return [...splices].sort((a, b) => b.start - a.start).reduce(applySplice, text);
}
