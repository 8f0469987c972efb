import type { ProviderType, Tier } from './config-types.js';

/**
 * What a provider gets when the file does not say: its type from its name, the environment
 * variables that hold its key (the AI SDK's own names), and a model per tier.
 */

export function inferProviderType(name: string, hasBaseUrl: boolean): ProviderType | undefined {
  const lower = name.toLowerCase();
  if (lower === 'anthropic' || lower === 'claude') return 'anthropic';
  if (lower === 'openai') return 'openai';
  if (lower === 'google' || lower === 'gemini') return 'google';
  return hasBaseUrl ? 'openai-compatible' : undefined;
}

export const defaultKeyEnv: Readonly<Record<ProviderType, readonly string[]>> = {
  anthropic: ['ANTHROPIC_API_KEY'],
  openai: ['OPENAI_API_KEY'],
  google: ['GOOGLE_GENERATIVE_AI_API_KEY', 'GEMINI_API_KEY'],
  // A local model server usually takes no key; `api_key_env` names one when it does.
  'openai-compatible': [],
};

/** Current model ids per tier; a file's `models` overrides any of them. */
export const defaultTierModels: Readonly<Record<ProviderType, Partial<Record<Tier, string>>>> = {
  anthropic: { smart: 'claude-opus-4-5', worker: 'claude-sonnet-4-5', cheap: 'claude-haiku-4-5' },
  openai: { smart: 'gpt-5', worker: 'gpt-5-mini', cheap: 'gpt-5-nano' },
  google: { smart: 'gemini-2.5-pro', worker: 'gemini-2.5-flash', cheap: 'gemini-2.5-flash-lite' },
  'openai-compatible': {},
};

/** Providers usable without a stanza in the file (by these names). */
export const builtInProviderNames = ['anthropic', 'openai', 'google'] as const;

/** Which built-in provider a literal model id belongs to, from its name. */
export function inferProviderFromModel(model: string): ProviderType | undefined {
  const lower = model.toLowerCase();
  if (lower.startsWith('claude')) return 'anthropic';
  if (lower.startsWith('gpt-') || /^o\d/.test(lower) || lower.startsWith('chatgpt')) return 'openai';
  if (lower.startsWith('gemini')) return 'google';
  return undefined;
}

/** True when any built-in provider's key is set: then the default backend is `agent`. */
export function anyProviderKeySet(env: Readonly<Record<string, string | undefined>>): boolean {
  return Object.values(defaultKeyEnv).some((names) => names.some((name) => Boolean(env[name]?.trim())));
}
