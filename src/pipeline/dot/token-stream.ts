import type { SourceLocation } from '../../core/source-location.js';
import type { OrchestraError } from '../../core/errors.js';
import type { Lexer } from './lexer.js';
import { describeToken, dotSyntaxError, hintForToken, locationOf, type Span } from './syntax-error.js';
import { TokenKind, type Token } from './token.js';

/** The lexer plus the helpers every grammar rule needs: punctuation tests and "expected X" errors. */
export class TokenStream {
  constructor(private readonly lexer: Lexer) {}

  get file(): string {
    return this.lexer.file;
  }

  peek(): Token {
    return this.lexer.peek();
  }

  next(): Token {
    return this.lexer.next();
  }

  /** True when the next token is the punctuation `text`. */
  at(text: string): boolean {
    const token = this.lexer.peek();
    return token.kind === TokenKind.PUNCT && token.text === text;
  }

  /** Consumes the punctuation `text` when it is next. */
  accept(text: string): boolean {
    if (!this.at(text)) return false;
    this.lexer.next();
    return true;
  }

  loc(span: Span): SourceLocation {
    return locationOf(this.lexer.file, span);
  }

  /** From the start of `first` to the end of `last`. */
  locBetween(first: Token, last: Token): SourceLocation {
    return { file: this.lexer.file, line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
  }

  /** `Expected <expected>, found <token>`, with a hint for tokens that are Graphviz we do not run. */
  expected(token: Token, expected: string, hint?: string): OrchestraError {
    return this.error(token, `Expected ${expected}, found ${describeToken(token)}`, hintForToken(token) ?? hint);
  }

  error(span: Span, message: string, hint?: string): OrchestraError {
    return dotSyntaxError(this.lexer.source, this.lexer.file, span, message, hint);
  }
}

export function isPunct(token: Token, text: string): boolean {
  return token.kind === TokenKind.PUNCT && token.text === text;
}

/** `line:column` of a token, for messages that point back at an opening bracket. */
export function positionOf(span: Span): string {
  return `${span.line}:${span.column}`;
}
