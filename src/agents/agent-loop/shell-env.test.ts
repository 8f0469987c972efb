import { describe, expect, it } from 'vitest';
import { shellEnvFrom } from './shell-env.js';

describe('shellEnvFrom', () => {
  it.each<[string, boolean]>([
    ['PATH', true],
    ['HOME', true],
    ['ANTHROPIC_API_KEY', false],
    ['OPENAI_APIKEY', false],
    ['GITHUB_TOKEN', false],
    ['AWS_SECRET', false],
    ['DB_PASSWORD', false],
    ['KEYBOARD', true],
  ])('%s kept: %s', (name, kept) => {
    expect(Object.hasOwn(shellEnvFrom({ [name]: 'v' }), name)).toBe(kept);
  });
});
