import type { StaticTurn } from './types.js';

/** Deterministic token counts (characters / 4, rounded up, at least 1) so cost parsing can be asserted. */
export function tokensFor(characters: number): number {
  return Math.max(1, Math.ceil(characters / 4));
}

export interface TurnUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Input tokens come from the raw request body length; output tokens from the text and tool inputs (a freeform input as is). */
export function usageFor(bodyLength: number, turn: StaticTurn): TurnUsage {
  const toolChars = (turn.toolCalls ?? []).reduce((sum, call) => sum + (call.freeform ?? JSON.stringify(call.input)).length, 0);
  return {
    inputTokens: tokensFor(bodyLength),
    outputTokens: tokensFor((turn.text ?? '').length + toolChars),
  };
}
