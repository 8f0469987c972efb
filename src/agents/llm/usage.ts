import type { LanguageModelUsage } from 'ai';
import { estimateCostUsd } from './pricing.js';

/** Tokens and estimated cost of one or more model calls. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export const noUsage: Usage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

export function usageOf(model: string, usage: LanguageModelUsage | undefined): Usage {
  const inputTokens = usage?.inputTokens ?? 0;
  const outputTokens = usage?.outputTokens ?? 0;
  return { inputTokens, outputTokens, costUsd: estimateCostUsd(model, inputTokens, outputTokens) };
}

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    costUsd: Math.round((a.costUsd + b.costUsd) * 1_000_000) / 1_000_000,
  };
}

/** The context keys a node's usage is reported under (`usage.input_tokens`, ...). */
export function usageContextUpdates(usage: Usage, model: string): Record<string, unknown> {
  return {
    'usage.model': model,
    'usage.input_tokens': usage.inputTokens,
    'usage.output_tokens': usage.outputTokens,
    'usage.cost_usd': usage.costUsd,
  };
}

/** The same, as `usage.json` in the stage directory. */
export function usageFile(usage: Usage, target: { provider: string; model: string }, calls: number): Record<string, unknown> {
  return {
    provider: target.provider,
    model: target.model,
    calls,
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    cost_usd: usage.costUsd,
  };
}
