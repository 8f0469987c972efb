import type { TextTurn, ToolCallTurn } from './types.js';
import type { TurnUsage } from './usage.js';

/** What every reply renderer needs besides the turn itself. */
export interface ReplyContext {
  /** 1-based number of the request; makes ids unique and deterministic. */
  sequence: number;
  model: string;
  usage: TurnUsage;
}

export type AnswerTurn = TextTurn | ToolCallTurn;

export function hasToolCalls(turn: AnswerTurn): boolean {
  return turn.toolCalls !== undefined && turn.toolCalls.length > 0;
}

/** Splits a string in two so clients are exercised on joining partial deltas, as with the real APIs. */
export function halves(text: string): string[] {
  const half = Math.floor(text.length / 2);
  return half === 0 ? [text] : [text.slice(0, half), text.slice(half)];
}
