import { continuesWord, isDigit, isLetter } from './char-class.js';
import { TokenKind } from './token.js';

const MINUS = 45;
const DOT = 46;
const GREATER = 62;
const unitMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export interface ScannedNumber {
  kind: typeof TokenKind.INTEGER | typeof TokenKind.FLOAT | typeof TokenKind.DURATION | typeof TokenKind.UNKNOWN;
  /** The number; for durations, milliseconds; for UNKNOWN, the text. */
  value: number | string;
  end: number;
}

/**
 * Scans `-?[0-9]*(.[0-9]+)?` plus an optional duration unit, starting at `start`. Text that runs on
 * past that (`10px`, `1.2.3`, `2h30m`) comes back as UNKNOWN so the parser can ask for quotes.
 */
export function lexNumber(source: string, start: number): ScannedNumber {
  let end = start;
  if (source.charCodeAt(end) === MINUS) end++;
  end = skipDigits(source, end);
  let kind: ScannedNumber['kind'] = TokenKind.INTEGER;
  if (source.charCodeAt(end) === DOT && isDigit(source.charCodeAt(end + 1))) {
    kind = TokenKind.FLOAT;
    end = skipDigits(source, end + 1);
  }
  const numberEnd = end;
  while (isLetter(source.charCodeAt(end))) end++;
  const unit = source.slice(numberEnd, end);
  const runOnEnd = skipWordTail(source, end);
  if (runOnEnd !== end || (unit !== '' && unitMs[unit] === undefined)) {
    return { kind: TokenKind.UNKNOWN, value: source.slice(start, runOnEnd), end: runOnEnd };
  }
  const number = Number(source.slice(start, numberEnd));
  if (unit !== '') return { kind: TokenKind.DURATION, value: number * (unitMs[unit] as number), end };
  return { kind, value: number, end };
}

function skipDigits(source: string, from: number): number {
  let end = from;
  while (isDigit(source.charCodeAt(end))) end++;
  return end;
}

function skipWordTail(source: string, from: number): number {
  let end = from;
  for (;;) {
    const code = source.charCodeAt(end);
    if (continuesWord(code)) end++;
    else if (code === MINUS && source.charCodeAt(end + 1) !== GREATER && source.charCodeAt(end + 1) !== MINUS) end++;
    else return end;
  }
}
