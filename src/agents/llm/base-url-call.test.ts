import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { parseConfig } from '../../config/parse-config.js';
import { modelResolverFor } from './config-resolver.js';
import { createLanguageModel } from './create-language-model.js';

// The config normalises base_url per provider type; the SDK's own path then reaches the fake server.
describe('issue 9: a model call reaches the server whether base_url ends in /v1 or not', () => {
  let server: FakeModelServer;
  beforeAll(async () => {
    server = await startFakeModelServer({ fallback: { text: 'hello from the fake' } });
  });
  afterAll(() => server.close());

  it.each<[string, string, string]>([
    ['openai-compatible', '', '/v1/chat/completions'],
    ['openai-compatible', '/v1', '/v1/chat/completions'],
    ['anthropic', '', '/v1/messages'],
    ['anthropic', '/v1/', '/v1/messages'],
  ])('%s with base_url + "%s"', async (type, suffix, path) => {
    const config = parseConfig(`providers:\n  local:\n    type: ${type}\n    api_key_env: LOCAL_KEY\n    base_url: ${server.url}${suffix}\n`, '/tmp/orchestra.yaml', {});
    const target = modelResolverFor(config)({ llm_provider: 'local', llm_model: 'some-model' });
    const before = server.requests.length;
    const result = await generateText({ model: createLanguageModel({ ...target, env: { LOCAL_KEY: 'k' } }), prompt: 'hi', maxRetries: 0, maxOutputTokens: 100 });
    expect(result.text).toBe('hello from the fake');
    expect(server.requests.slice(before).map((request) => request.path)).toEqual([path]);
  });
});
