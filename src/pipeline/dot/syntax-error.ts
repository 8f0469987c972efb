import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { excerptAt, type SourceLocation } from '../../core/source-location.js';
import { TokenKind, type Token } from './token.js';

/** Where a piece of text sits in its file; tokens are spans. */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Always the same object shape (end defaults to the start), which keeps property reads fast. */
export function locationOf(file: string, span: Span): SourceLocation {
  return { file, line: span.line, column: span.column, endLine: span.endLine ?? span.line, endColumn: span.endColumn ?? span.column };
}

/** An E_DOT_SYNTAX error at `span`, with the source line and a caret under it as detail. */
export function dotSyntaxError(source: string, file: string, span: Span, message: string, hint?: string): OrchestraError {
  const location = locationOf(file, span);
  return new OrchestraError(ErrorCode.DOT_SYNTAX, message, {
    location,
    detail: excerptAt(source, location),
    ...(hint === undefined ? {} : { hint }),
  });
}

const MAX_SHOWN = 40;

/** How a token is named in "found ..." messages. */
export function describeToken(token: Token): string {
  if (token.kind === TokenKind.EOF) return 'end of file';
  const text = token.text.length > MAX_SHOWN ? `${token.text.slice(0, MAX_SHOWN)}...` : token.text;
  if (token.kind === TokenKind.STRING) return `the string ${text}`;
  return `"${text}"`;
}

/**
 * Hints for tokens that mean the author wrote standard Graphviz the dialect does not run; whatever
 * the parser expected, these say what to write instead.
 */
export function hintForToken(token: Token): string | undefined {
  if (token.kind === TokenKind.PUNCT) {
    switch (token.text) {
      case '--':
        return 'Pipelines are directed graphs: write "digraph" and connect nodes with "->", as in a -> b.';
      case '<':
      case '>':
        return 'HTML labels (<...>) are not supported: write the label as a quoted string, label="..."';
      case ':':
        return 'Ports (a:p) are not supported: connect nodes by their id, as in a -> b.';
    }
  }
  if (token.kind === TokenKind.UNKNOWN && token.text !== '#') {
    return 'Quote ids and values that contain other characters, as in "my node" or label="..."';
  }
  if (token.kind === TokenKind.UNKNOWN) return 'A "#" starts a comment only at the beginning of a line; quote values such as colors: color="#ff0000"';
  return undefined;
}
