/** List prices in USD per million tokens. Approximate: an estimate for budgets, not a bill. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * Known model families by id prefix; the longest matching prefix wins, so `gpt-5-mini` is not
 * priced as `gpt-5`. Models not listed (local ones, new ones) cost 0 in estimates.
 */
export const priceTable: Readonly<Record<string, ModelPrice>> = {
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-6': { input: 5, output: 25 },
  'claude-opus-4': { input: 15, output: 75 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-haiku-4': { input: 1, output: 5 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-3-haiku': { input: 0.25, output: 1.25 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4 },
};

export function priceOf(model: string): ModelPrice | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(priceTable)) {
    if (model.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? undefined : priceTable[best];
}

/** Estimated cost of one call in USD, rounded to a millionth of a dollar. */
export function estimateCostUsd(model: string, inputTokens: number, outputTokens: number): number {
  const price = priceOf(model);
  if (price === undefined) return 0;
  const cost = (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
  return Math.round(cost * 1_000_000) / 1_000_000;
}
