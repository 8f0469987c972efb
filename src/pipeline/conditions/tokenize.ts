import { conditionError, type ConditionPlace } from './condition-error.js';
import { reservedOperatorError } from './reserved.js';

export const TokenKind = {
  WORD: 'word',
  STRING: 'string',
  EQUALS: '=',
  NOT_EQUALS: '!=',
  AND: '&&',
  END: 'end',
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Token {
  kind: TokenKind;
  /** The word, or the unescaped string contents; the operator text otherwise. */
  text: string;
  /** 1-based column of the token's first character. */
  column: number;
  width: number;
}

// Characters that end a bare word: whitespace, quotes and every operator character, reserved or not.
const wordBreak = /[\s"&=!|<>()]/;
const escapes: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** Splits a condition into tokens; quoted literals keep `&&`, `=` and `!=` as plain text. */
export function tokenizeCondition(source: string, place?: ConditionPlace): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    const column = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"') {
      const { text, end } = readString(source, i, place);
      tokens.push({ kind: TokenKind.STRING, text, column, width: end - i });
      i = end;
    } else if (source.startsWith('&&', i)) {
      tokens.push({ kind: TokenKind.AND, text: '&&', column, width: 2 });
      i += 2;
    } else if (source.startsWith('!=', i)) {
      tokens.push({ kind: TokenKind.NOT_EQUALS, text: '!=', column, width: 2 });
      i += 2;
    } else if (ch === '=' && source[i + 1] !== '=') {
      tokens.push({ kind: TokenKind.EQUALS, text: '=', column, width: 1 });
      i += 1;
    } else if (wordBreak.test(ch)) {
      throw reservedOperatorError(source, operatorAt(source, i), column, place);
    } else {
      let end = i;
      while (end < source.length && !wordBreak.test(source[end] as string)) end += 1;
      tokens.push({ kind: TokenKind.WORD, text: source.slice(i, end), column, width: end - i });
      i = end;
    }
  }
  tokens.push({ kind: TokenKind.END, text: '', column: source.length + 1, width: 1 });
  return tokens;
}

function operatorAt(source: string, i: number): string {
  const two = source.slice(i, i + 2);
  return ['||', '<=', '>=', '=='].includes(two) ? two : (source[i] as string);
}

function readString(source: string, start: number, place?: ConditionPlace): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '"') return { text, end: i + 1 };
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1] as string;
      text += escapes[next] ?? `\\${next}`;
      i += 2;
    } else {
      text += ch;
      i += 1;
    }
  }
  throw conditionError(
    source,
    { column: start + 1 },
    'the quoted literal is never closed.',
    'End the literal with a double quote; write \\" for a quote inside it.',
    place,
  );
}
