import { describe, expect, it } from 'vitest';
import { defaultNotifications, noPeople, type ResolvedConfig } from '../../config/index.js';
import { modelResolverFor } from './config-resolver.js';

const config: ResolvedConfig = {
  backend: 'agent',
  backendSource: 'file',
  providers: {
    default: 'local',
    byName: {
      local: { name: 'local', type: 'openai-compatible', models: { smart: 'qwen3-32b', cheap: 'qwen3-4b' }, baseUrl: 'http://127.0.0.1:11434/v1', apiKeyEnv: [] },
      work: { name: 'work', type: 'anthropic', models: { worker: 'claude-sonnet-4-5' }, apiKeyEnv: ['WORK_ANTHROPIC_KEY'] },
    },
  },
  agents: {},
  workspace: { repos: {}, onConflict: 'fail' },
  agent: { passEnv: [], shellSandbox: 'none' },
  cliAgents: {},
  notifications: defaultNotifications(),
  people: noPeople,
  http: { corsOrigins: [] },
};

describe('modelResolverFor', () => {
  it.each<[string, { llm_model?: string; llm_provider?: string }, unknown]>([
    ['a tier of the default provider, with its base URL and no key', { llm_model: 'smart' }, { provider: 'local', type: 'openai-compatible', model: 'qwen3-32b', baseUrl: 'http://127.0.0.1:11434/v1', apiKeyEnv: [] }],
    ['a named provider with its own key variable', { llm_model: 'worker', llm_provider: 'work' }, { provider: 'work', type: 'anthropic', model: 'claude-sonnet-4-5', apiKeyEnv: ['WORK_ANTHROPIC_KEY'] }],
    ['a literal model on a built-in provider not in the file', { llm_model: 'gpt-5', llm_provider: 'openai' }, { provider: 'openai', type: 'openai', model: 'gpt-5' }],
  ])('%s', (_name, wish, expected) => {
    expect(modelResolverFor(config)(wish)).toEqual(expected);
  });

  it('passes on the config\'s error for an unknown provider', () => {
    expect(() => modelResolverFor(config)({ llm_provider: 'nope' })).toThrow(expect.objectContaining({ code: 'E_CONFIG' }));
  });
});
