import { describe, expect, it } from 'vitest';
import { normaliseBaseUrl } from './base-url.js';

describe('issue 9: a provider base_url works with or without /v1', () => {
  it.each<[Parameters<typeof normaliseBaseUrl>[0], string, string]>([
    ['openai-compatible', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/v1'],
    ['openai-compatible', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080/v1'],
    ['openai-compatible', 'http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080/v1'],
    ['openai-compatible', 'http://127.0.0.1:8080/v1/', 'http://127.0.0.1:8080/v1'],
    ['openai', 'https://api.groq.com/openai/v1', 'https://api.groq.com/openai/v1'],
    ['anthropic', 'http://localhost:4000', 'http://localhost:4000/v1'],
    ['anthropic', 'http://localhost:4000/v1', 'http://localhost:4000/v1'],
    ['google', 'http://localhost:4000', 'http://localhost:4000/v1beta'],
    ['google', 'http://localhost:4000/v1beta/', 'http://localhost:4000/v1beta'],
  ])('%s %s → %s', (type, url, expected) => {
    expect(normaliseBaseUrl(type, url)).toBe(expected);
  });
});
