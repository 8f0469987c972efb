import type { OrchestraError } from '../../core/errors.js';
import type { AttrValue, Attribute } from '../graph/model.js';
import { isDigit } from './char-class.js';
import { describeToken } from './syntax-error.js';
import { TokenKind, type Token } from './token.js';
import { positionOf, type TokenStream } from './token-stream.js';

const COLON = 58;
const MINUS = 45;
const DOT = 46;
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const VALUE_HINT = 'Write a quoted string, a number, a duration such as 900s, true/false, or a bare word such as box.';

/** `Identifier` or dotted `a.b.c`: the names attributes may have. */
export function isAttributeKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/**
 * The same test for a lexer word, which is already `[A-Za-z_][A-Za-z0-9_.:-]*`: only ':', '-' and
 * misplaced dots can make it invalid. Checked by hand because it runs for every attribute of a file.
 */
function isWordAttributeKey(word: string): boolean {
  let afterDot = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === COLON || code === MINUS) return false;
    if (code === DOT) {
      if (afterDot) return false;
      afterDot = true;
    } else {
      if (afterDot && isDigit(code)) return false;
      afterDot = false;
    }
  }
  return !afterDot;
}

/** Zero or more `[...]` blocks; `a [x=1] [y=2]` is the same as `a [x=1, y=2]`. */
export function parseAttrLists(stream: TokenStream): Attribute[] {
  const attrs: Attribute[] = [];
  while (stream.at('[')) parseAttrList(stream, stream.next(), attrs);
  return attrs;
}

/**
 * The inside of one `[...]`. Separators are lenient (comma, semicolon or none, decision 14);
 * everything else is strict.
 */
function parseAttrList(stream: TokenStream, open: Token, into: Attribute[]): void {
  let last = open;
  for (;;) {
    const token = stream.next();
    if (token.kind === TokenKind.PUNCT && token.text === ']') return;
    if (token.kind === TokenKind.PUNCT && (token.text === ',' || token.text === ';')) {
      last = token;
      continue;
    }
    if (token.kind === TokenKind.EOF || endsTheList(stream, token, last)) throw missingBracket(stream, open, last, token);
    if (!isKeyToken(token)) throw stream.expected(token, '"]" or an attribute name');
    const attr = parseAttrAfterKey(stream, token);
    into.push(attr);
    last = { ...token, endLine: attr.loc.endLine ?? token.endLine, endColumn: attr.loc.endColumn ?? token.endColumn };
  }
}

// Tokens that never stand inside `[...]` but do start or end a statement: meeting one means the
// author forgot the `]`. So does a word on a new line that is not followed by `=` (`exit [...]`).
const STATEMENT_PUNCT = new Set(['{', '}', '[', '->']);

function endsTheList(stream: TokenStream, token: Token, last: Token): boolean {
  if (token.kind === TokenKind.PUNCT) return STATEMENT_PUNCT.has(token.text);
  if (token.line <= last.endLine || (token.kind !== TokenKind.WORD && token.kind !== TokenKind.STRING)) return false;
  return !stream.at('=');
}

/** The error points just after the list's last token, where the `]` belongs, not at what follows. */
function missingBracket(stream: TokenStream, open: Token, last: Token, found: Token): OrchestraError {
  const at = { line: last.endLine, column: last.endColumn };
  return stream.error(
    at,
    `Expected "]" to close the attribute list opened at ${positionOf(open)}, found ${describeToken(found)}`,
    'Every "[" needs a matching "]".',
  );
}

/** `= value` after a key token, giving the attribute. */
export function parseAttrAfterKey(stream: TokenStream, keyToken: Token): Attribute {
  const key = String(keyToken.value);
  const eq = stream.next();
  if (!(eq.kind === TokenKind.PUNCT && eq.text === '=')) {
    throw stream.expected(eq, `"=" after the attribute name "${key}"`, `Give the attribute a value: ${key}=...`);
  }
  const valueToken = stream.next();
  const loc = stream.locBetween(keyToken, valueToken);
  if (isRunOnNumber(valueToken)) return { key, value: { kind: 'bare', value: valueToken.text }, loc, malformed: true };
  if (valueToken.kind === TokenKind.UNKNOWN && valueToken.text === '#') return hashValue(stream, key, keyToken, valueToken);
  const value = toAttrValue(valueToken);
  if (value === undefined) throw stream.expected(valueToken, `a value for "${key}"`, VALUE_HINT);
  return { key, value, loc };
}

/**
 * `color=#ff0000`: a colour left unquoted. Kept as one malformed value (reported by value_syntax with
 * the quoted fix) so it does not hide every other finding in the file, like a run-on number.
 */
function hashValue(stream: TokenStream, key: string, keyToken: Token, hash: Token): Attribute {
  let last = hash;
  let text = '#';
  for (let next = stream.peek(); touches(last, next) && (next.kind === TokenKind.WORD || next.kind === TokenKind.INTEGER || next.kind === TokenKind.FLOAT || next.kind === TokenKind.UNKNOWN); next = stream.peek()) {
    text += next.text;
    last = stream.next();
  }
  return { key, value: { kind: 'bare', value: text }, loc: stream.locBetween(keyToken, last), malformed: true };
}

function touches(before: Token, after: Token): boolean {
  return after.line === before.endLine && after.column === before.endColumn;
}

/** A word or quoted string that is a valid attribute name (`"label"` is accepted like `label`). */
export function isKeyToken(token: Token): boolean {
  if (token.kind === TokenKind.WORD) return isWordAttributeKey(token.text);
  return token.kind === TokenKind.STRING && isAttributeKey(String(token.value));
}

/** `10px`, `5min`, `1.2.3`: the lexer's UNKNOWN for a number that runs on into other characters. */
function isRunOnNumber(token: Token): boolean {
  if (token.kind !== TokenKind.UNKNOWN || token.text.length < 2) return false;
  const first = token.text.charCodeAt(0);
  return isDigit(first) || ((first === MINUS || first === DOT) && isDigit(token.text.charCodeAt(1)));
}

function toAttrValue(token: Token): AttrValue | undefined {
  switch (token.kind) {
    case TokenKind.STRING:
      return { kind: 'string', value: String(token.value) };
    case TokenKind.INTEGER:
      return { kind: 'integer', value: Number(token.value) };
    case TokenKind.FLOAT:
      return { kind: 'float', value: Number(token.value) };
    case TokenKind.DURATION:
      return { kind: 'duration', ms: Number(token.value), text: token.text };
    case TokenKind.WORD: {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true' };
      return { kind: 'bare', value: token.text };
    }
    default:
      return undefined;
  }
}
