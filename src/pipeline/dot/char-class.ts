/**
 * Character classes for the lexer, as a lookup table: the lexer tests every character of a file,
 * and a table lookup is far cheaper than a regular expression per character.
 */
export const CharClass = {
  OTHER: 0,
  SPACE: 1,
  NEWLINE: 2,
  LETTER: 3,
  DIGIT: 4,
} as const;

const table = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const ch = String.fromCharCode(code);
  if (ch === '\n') table[code] = CharClass.NEWLINE;
  else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') table[code] = CharClass.SPACE;
  else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_') table[code] = CharClass.LETTER;
  else if (ch >= '0' && ch <= '9') table[code] = CharClass.DIGIT;
}

export function charClass(code: number): number {
  // A byte-order mark and non-breaking space show up in files pasted from editors; treat them as space.
  if (code >= 128) return code === 0xfeff || code === 0xa0 ? CharClass.SPACE : CharClass.OTHER;
  return table[code] ?? CharClass.OTHER;
}

export function isLetter(code: number): boolean {
  return code < 128 && table[code] === CharClass.LETTER;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const DOT = 46;
const COLON = 58;

/** Characters that continue a bare word after its first letter: `[A-Za-z0-9_.:-]` ('-' is checked apart). */
export function continuesWord(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === DOT || code === COLON;
}
