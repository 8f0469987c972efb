import { CharClass, charClass, continuesWord, isDigit, isLetter } from './char-class.js';
import { lexNumber } from './lex-number.js';
import { lexString } from './lex-string.js';
import { dotSyntaxError } from './syntax-error.js';
import { TokenKind, type Token } from './token.js';

const SLASH = 47;
const STAR = 42;
const HASH = 35;
const QUOTE = 34;
const MINUS = 45;
const GREATER = 62;
const DOT = 46;
const SINGLE_PUNCT = new Set(['{', '}', '[', ']', '=', ',', ';', ':', '<', '>']);

/**
 * Turns DOT source into tokens on demand. Lazy on purpose: the parser reports the first mistake in
 * reading order, so a bad string near the end must not be reported before a bad edge near the top.
 */
export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private peeked: Token | undefined;

  constructor(
    readonly source: string,
    readonly file: string,
  ) {}

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  private scan(): Token {
    this.skipTrivia();
    const { source, pos } = this;
    if (pos >= source.length) return this.token(TokenKind.EOF, '', '', pos, pos);
    const code = source.charCodeAt(pos);
    if (code === QUOTE) return this.scanString();
    if (isLetter(code)) return this.scanWord();
    if (this.startsNumber(code)) return this.scanNumber();
    const nextCode = source.charCodeAt(pos + 1);
    if (code === MINUS && nextCode === GREATER) return this.advanceToken(TokenKind.PUNCT, '->');
    if (code === MINUS && nextCode === MINUS) return this.advanceToken(TokenKind.PUNCT, '--');
    const ch = source[pos] as string;
    if (SINGLE_PUNCT.has(ch)) return this.advanceToken(TokenKind.PUNCT, ch);
    const char = String.fromCodePoint(source.codePointAt(pos) as number);
    return this.advanceToken(TokenKind.UNKNOWN, char);
  }

  /** `7`, `-7`, `.5`, `-.5`; a `-` before anything else is an arrow or an unknown character. */
  private startsNumber(code: number): boolean {
    if (isDigit(code)) return true;
    const next = this.source.charCodeAt(this.pos + 1);
    if (code === DOT) return isDigit(next);
    if (code === MINUS) return isDigit(next) || (next === DOT && isDigit(this.source.charCodeAt(this.pos + 2)));
    return false;
  }

  private skipTrivia(): void {
    const { source } = this;
    const length = source.length;
    while (this.pos < length) {
      const code = source.charCodeAt(this.pos);
      const cls = charClass(code);
      if (cls === CharClass.SPACE) {
        this.pos++;
      } else if (cls === CharClass.NEWLINE) {
        this.newline(this.pos);
        this.pos++;
      } else if (code === SLASH && source.charCodeAt(this.pos + 1) === SLASH) {
        this.skipToEndOfLine();
      } else if (code === SLASH && source.charCodeAt(this.pos + 1) === STAR) {
        this.skipBlockComment();
      } else if (code === HASH && this.atLineStart()) {
        this.skipToEndOfLine();
      } else {
        return;
      }
    }
  }

  private skipToEndOfLine(): void {
    const end = this.source.indexOf('\n', this.pos);
    this.pos = end === -1 ? this.source.length : end;
  }

  private skipBlockComment(): void {
    const start = this.pos;
    const end = this.source.indexOf('*/', start + 2);
    if (end === -1) {
      throw dotSyntaxError(
        this.source,
        this.file,
        { line: this.line, column: start - this.lineStart + 1, endLine: this.line, endColumn: start - this.lineStart + 3 },
        'Expected "*/" to close the comment that starts here, found end of file',
        'Close the block comment with */',
      );
    }
    this.countNewlines(start, end);
    this.pos = end + 2;
  }

  /** `#` starts a comment only as the first non-blank character of a line (C preprocessor output). */
  private atLineStart(): boolean {
    for (let i = this.lineStart; i < this.pos; i++) {
      if (charClass(this.source.charCodeAt(i)) !== CharClass.SPACE) return false;
    }
    return true;
  }

  private scanWord(): Token {
    const { source } = this;
    const start = this.pos;
    let end = start + 1;
    for (;;) {
      const code = source.charCodeAt(end);
      if (continuesWord(code)) end++;
      else if (code === MINUS && source.charCodeAt(end + 1) !== GREATER && source.charCodeAt(end + 1) !== MINUS) end++;
      else break;
    }
    return this.advanceToken(TokenKind.WORD, source.slice(start, end));
  }

  private scanNumber(): Token {
    const start = this.pos;
    const scanned = lexNumber(this.source, start);
    const text = this.source.slice(start, scanned.end);
    return this.advanceToken(scanned.kind, text, scanned.value);
  }

  private scanString(): Token {
    const start = this.pos;
    const startLine = this.line;
    const startColumn = start - this.lineStart + 1;
    const scanned = lexString(this.source, start);
    if (scanned === undefined) {
      throw dotSyntaxError(
        this.source,
        this.file,
        { line: startLine, column: startColumn, endLine: startLine, endColumn: startColumn + 1 },
        'Expected a closing " for the string that starts here, found end of file',
        'Close the string with ", and write a quote inside a string as \\"',
      );
    }
    this.countNewlines(start, scanned.end);
    this.pos = scanned.end;
    const endColumn = this.pos - this.lineStart + 1;
    return { kind: TokenKind.STRING, text: this.source.slice(start, scanned.end), value: scanned.value, line: startLine, column: startColumn, endLine: this.line, endColumn };
  }

  private countNewlines(from: number, to: number): void {
    let at = this.source.indexOf('\n', from);
    while (at !== -1 && at < to) {
      this.newline(at);
      at = this.source.indexOf('\n', at + 1);
    }
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  private advanceToken(kind: TokenKind, text: string, value: string | number = text): Token {
    const start = this.pos;
    this.pos += text.length;
    return this.token(kind, text, value, start, this.pos);
  }

  private token(kind: TokenKind, text: string, value: string | number, start: number, end: number): Token {
    const column = start - this.lineStart + 1;
    return { kind, text, value, line: this.line, column, endLine: this.line, endColumn: column + (end - start) };
  }
}
