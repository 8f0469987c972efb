import type { AttrValue, Attribute } from '../graph/model.js';
import { isDigit } from './char-class.js';
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
  for (;;) {
    const token = stream.next();
    if (token.kind === TokenKind.PUNCT && token.text === ']') return;
    if (token.kind === TokenKind.PUNCT && (token.text === ',' || token.text === ';')) continue;
    if (token.kind === TokenKind.EOF) {
      throw stream.expected(token, `"]" to close the attribute list opened at ${positionOf(open)}`, 'Every "[" needs a matching "]".');
    }
    if (!isKeyToken(token)) throw stream.expected(token, '"]" or an attribute name');
    into.push(parseAttrAfterKey(stream, token));
  }
}

/** `= value` after a key token, giving the attribute. */
export function parseAttrAfterKey(stream: TokenStream, keyToken: Token): Attribute {
  const key = String(keyToken.value);
  const eq = stream.next();
  if (!(eq.kind === TokenKind.PUNCT && eq.text === '=')) {
    throw stream.expected(eq, `"=" after the attribute name "${key}"`, `Give the attribute a value: ${key}=...`);
  }
  const valueToken = stream.next();
  const value = toAttrValue(valueToken);
  if (value === undefined) throw stream.expected(valueToken, `a value for "${key}"`, VALUE_HINT);
  return { key, value, loc: stream.locBetween(keyToken, valueToken) };
}

/** A word or quoted string that is a valid attribute name (`"label"` is accepted like `label`). */
export function isKeyToken(token: Token): boolean {
  if (token.kind === TokenKind.WORD) return isWordAttributeKey(token.text);
  return token.kind === TokenKind.STRING && isAttributeKey(String(token.value));
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
