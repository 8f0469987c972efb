import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../core/index.js';
import { parseConfig } from './parse-config.js';
import { resolveModel, type ModelRequest } from './resolve-model.js';

const config = (text: string) => parseConfig(text, '/p/orchestra.yaml', {});

const twoProviders = config(
  ['providers:', '  default: openai', '  anthropic:', '    models: { smart: claude-big, cheap: claude-small }', '  openai:', '    models: { smart: gpt-big, worker: gpt-mid }', '  local:', '    base_url: http://127.0.0.1:9/v1', '    models: { worker: qwen }'].join('\n'),
);
const noDefault = config(['providers:', '  local:', '    base_url: http://127.0.0.1:9/v1', '    models: { smart: llama }'].join('\n'));
const empty = config('');

describe('resolveModel', () => {
  it.each<[string, ReturnType<typeof config>, ModelRequest, object]>([
    ['tier through providers.default', twoProviders, { llm_model: 'smart' }, { provider: 'openai', type: 'openai', model: 'gpt-big', tier: 'smart' }],
    ['tier with llm_provider', twoProviders, { llm_model: 'cheap', llm_provider: 'anthropic' }, { provider: 'anthropic', type: 'anthropic', model: 'claude-small', tier: 'cheap' }],
    ['tier default filled from the built-in table', twoProviders, { llm_model: 'cheap' }, { provider: 'openai', type: 'openai', model: 'gpt-5-nano', tier: 'cheap' }],
    ['no llm_model means worker', twoProviders, {}, { provider: 'openai', type: 'openai', model: 'gpt-mid', tier: 'worker' }],
    ['literal model keeps the default provider', twoProviders, { llm_model: 'gpt-4o' }, { provider: 'openai', type: 'openai', model: 'gpt-4o' }],
    ['openai-compatible provider', twoProviders, { llm_model: 'worker', llm_provider: 'local' }, { provider: 'local', type: 'openai-compatible', model: 'qwen', tier: 'worker' }],
    ['first configured provider without a default', noDefault, { llm_model: 'smart' }, { provider: 'local', type: 'openai-compatible', model: 'llama', tier: 'smart' }],
    ['built-in provider not in the file', empty, { llm_model: 'smart', llm_provider: 'google' }, { provider: 'google', type: 'google', model: 'gemini-2.5-pro', tier: 'smart' }],
    ['claude-* inferred', empty, { llm_model: 'claude-sonnet-4-5' }, { provider: 'anthropic', type: 'anthropic', model: 'claude-sonnet-4-5' }],
    ['gpt-* inferred', empty, { llm_model: 'gpt-5.2' }, { provider: 'openai', type: 'openai', model: 'gpt-5.2' }],
    ['o-series inferred', empty, { llm_model: 'o4-mini' }, { provider: 'openai', type: 'openai', model: 'o4-mini' }],
    ['gemini-* inferred', empty, { llm_model: 'gemini-2.5-flash' }, { provider: 'google', type: 'google', model: 'gemini-2.5-flash' }],
    ['whitespace is trimmed', twoProviders, { llm_model: ' smart ', llm_provider: ' anthropic ' }, { provider: 'anthropic', type: 'anthropic', model: 'claude-big', tier: 'smart' }],
  ])('%s', (_name, resolved, request, expected) => {
    expect(resolveModel(resolved, request)).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof config>, ModelRequest, string]>([
    ['tier with nothing configured', empty, { llm_model: 'smart' }, 'no provider is configured to resolve a model tier'],
    ['unknown literal with nothing configured', empty, { llm_model: 'mistral-large' }, 'cannot tell which provider serves the model "mistral-large"'],
    ['unknown provider', twoProviders, { llm_provider: 'antropic' }, 'unknown provider "antropic". Did you mean "anthropic"? Known: anthropic, openai, local, google.'],
    ['unmapped tier', twoProviders, { llm_model: 'cheap', llm_provider: 'local' }, 'provider "local" maps no model to the tier "cheap"'],
  ])('fails: %s', (_name, resolved, request, message) => {
    let caught: unknown;
    try {
      resolveModel(resolved, request);
    } catch (error) {
      caught = error;
    }
    expect(isOrchestraError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'E_CONFIG', message });
  });
});
