import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse-config.js';
import { providerKeyStatus } from './provider-keys.js';

describe('providerKeyStatus', () => {
  it('reports presence of built-in and configured key variables, never their values', () => {
    const config = parseConfig('providers:\n  anthropic: {}\n  local:\n    base_url: http://127.0.0.1:1/v1\n    api_key_env: LOCAL_KEY\n', '/p/orchestra.yaml', {});
    const statuses = providerKeyStatus(config, { ANTHROPIC_API_KEY: 'sk-secret', LOCAL_KEY: ' ' });
    expect(statuses).toEqual([
      { variable: 'ANTHROPIC_API_KEY', set: true, usedBy: ['anthropic'] },
      { variable: 'OPENAI_API_KEY', set: false, usedBy: [] },
      { variable: 'GOOGLE_GENERATIVE_AI_API_KEY', set: false, usedBy: [] },
      { variable: 'GEMINI_API_KEY', set: false, usedBy: [] },
      { variable: 'LOCAL_KEY', set: false, usedBy: ['local'] },
    ]);
    expect(JSON.stringify(statuses)).not.toContain('sk-secret');
  });
});
