import { describe, expect, it } from 'vitest';
import { createLanguageModel } from './create-language-model.js';
import { reasoningProviderOptions } from './reasoning-options.js';
import type { ProviderType } from './provider-types.js';

describe('createLanguageModel', () => {
  it.each<[string, Parameters<typeof createLanguageModel>[0], string]>([
    ['anthropic', { provider: 'anthropic', model: 'claude-sonnet-4-5', env: { ANTHROPIC_API_KEY: 'k' } }, 'anthropic.messages'],
    ['openai', { provider: 'openai', model: 'gpt-5', env: { OPENAI_API_KEY: 'k' } }, 'openai.responses'],
    ['google', { provider: 'google', model: 'gemini-2.5-pro', env: { GOOGLE_GENERATIVE_AI_API_KEY: 'k' } }, 'google.generative-ai'],
    ['openai-compatible without a key', { provider: 'local', type: 'openai-compatible', model: 'qwen3', baseUrl: 'http://127.0.0.1:1/v1', env: {} }, 'local.chat'],
    ['a key from a named variable', { provider: 'work', type: 'anthropic', model: 'm', apiKeyEnv: ['WORK_KEY'], env: { WORK_KEY: 'k' } }, 'anthropic.messages'],
  ])('%s', (_name, options, providerId) => {
    const model = createLanguageModel(options);
    expect(typeof model === 'object' && model.provider).toBe(providerId);
  });

  it.each<[string, Parameters<typeof createLanguageModel>[0], string, string]>([
    [
      'a missing key',
      { provider: 'anthropic', model: 'm', env: {} },
      'Provider "anthropic" needs an API key in the environment variable ANTHROPIC_API_KEY, which is not set.',
      'Export ANTHROPIC_API_KEY=<your key> (or set providers.anthropic.api_key_env to the variable that holds it); `orchestra doctor` lists the keys it finds.',
    ],
    [
      'a blank key in a named variable',
      { provider: 'work', type: 'openai', model: 'm', apiKeyEnv: ['WORK_KEY'], env: { WORK_KEY: ' ' } },
      'Provider "work" needs an API key in the environment variable WORK_KEY, which is not set.',
      'Export WORK_KEY=<your key> (or set providers.work.api_key_env to the variable that holds it); `orchestra doctor` lists the keys it finds.',
    ],
    [
      'an unknown provider without a type',
      { provider: 'mystery', model: 'm', env: {} },
      'Provider "mystery" has no type, and its name is not one of anthropic, openai, google, openai-compatible.',
      'Set providers.mystery.type to one of anthropic, openai, google, openai-compatible.',
    ],
    [
      'openai-compatible without a base URL',
      { provider: 'local', type: 'openai-compatible', model: 'm', env: {} },
      'Provider "local" is OpenAI-compatible but has no base URL.',
      'Set providers.local.base_url, as in http://127.0.0.1:11434/v1.',
    ],
  ])('rejects %s', (_name, options, message, hint) => {
    expect(() => createLanguageModel(options)).toThrow(expect.objectContaining({ code: 'E_CONFIG', message, hint }));
  });
});

describe('reasoningProviderOptions', () => {
  it.each<[ProviderType, string, 'low' | 'medium' | 'high' | undefined, unknown]>([
    ['anthropic', 'anthropic', 'high', { anthropic: { effort: 'high' } }],
    ['openai', 'openai', 'low', { openai: { reasoningEffort: 'low' } }],
    ['google', 'google', 'medium', { google: { thinkingLevel: 'medium' } }],
    ['openai-compatible', 'local', 'low', { local: { reasoningEffort: 'low' } }],
    ['anthropic', 'anthropic', undefined, undefined],
  ])('%s (%s) at %s', (type, name, effort, expected) => {
    expect(reasoningProviderOptions(type, name, effort)).toEqual(expected);
  });
});
