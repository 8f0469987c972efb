import type { ProviderType } from './provider-types.js';

export const ReasoningEffort = { low: 'low', medium: 'medium', high: 'high' } as const;
export type ReasoningEffort = (typeof ReasoningEffort)[keyof typeof ReasoningEffort];

/** AI SDK provider options as `generateText` takes them: options per provider name. */
export type ProviderOptions = Record<string, Record<string, string>>;

/**
 * `reasoning_effort` in the form each provider understands. Every provider's SDK drops or
 * lowers the setting for models that do not support it, so passing it is always safe.
 * An OpenAI-compatible provider reads its options under its own name.
 */
export function reasoningProviderOptions(type: ProviderType, providerName: string, effort: ReasoningEffort | undefined): ProviderOptions | undefined {
  if (effort === undefined) return undefined;
  switch (type) {
    case 'anthropic':
      return { anthropic: { effort } };
    case 'openai':
      return { openai: { reasoningEffort: effort } };
    case 'google':
      return { google: { thinkingLevel: effort } };
    case 'openai-compatible':
      return { [providerName]: { reasoningEffort: effort } };
  }
}

export function parseReasoningEffort(value: string | undefined): ReasoningEffort | undefined {
  const text = value?.trim().toLowerCase();
  return text === 'low' || text === 'medium' || text === 'high' ? text : undefined;
}
