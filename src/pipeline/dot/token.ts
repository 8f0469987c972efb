/**
 * Tokens of the DOT subset. `word` covers identifiers, keywords and bare values alike
 * (`digraph`, `plan`, `gpt-5.2`, `human.default_choice`): what a word means depends on where the
 * parser meets it. `unknown` carries a character the dialect has no use for, so the parser can say
 * what it expected in its place.
 */
export const TokenKind = {
  WORD: 'word',
  STRING: 'string',
  INTEGER: 'integer',
  FLOAT: 'float',
  DURATION: 'duration',
  PUNCT: 'punct',
  UNKNOWN: 'unknown',
  EOF: 'eof',
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Token {
  kind: TokenKind;
  /** The token as written (strings: with their quotes, unescaped value is in `value`). */
  text: string;
  /** Strings: the unescaped content. Durations: milliseconds. Numbers: the number. */
  value: string | number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
