import { describe, expect, it } from 'vitest';
import { codexConfigToml, tomlString } from './codex-config.js';

describe('issue 9: tomlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['/a "quoted" path', '"/a \\"quoted\\" path"'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak\ttab', '"line\\nbreak\\ttab"'],
    ['bell\u0007 del\u007f', '"bell\\u0007 del\\u007F"'],
    ['ünï', '"ünï"'],
  ])('%j is %s', (value, toml) => {
    expect(tomlString(value)).toBe(toml);
  });
});

describe('issue 9: codexConfigToml', () => {
  const input = { baseUrl: 'http://127.0.0.1:4000/v1', envKey: 'OPENAI_API_KEY', trustedDir: '/work/tree' };

  it('names one Responses provider, trusts the directory and turns off what reaches out on its own', () => {
    expect(codexConfigToml(input)).toBe(
      [
        '# Written by Orchestra for one session; rewritten at each start. See docs/cli-agents.md.',
        'model_provider = "orchestra"',
        'check_for_update_on_startup = false',
        '',
        '[model_providers.orchestra]',
        'name = "OpenAI-compatible (Orchestra)"',
        'base_url = "http://127.0.0.1:4000/v1"',
        'env_key = "OPENAI_API_KEY"',
        'wire_api = "responses"',
        '',
        '[features]',
        'plugins = false',
        'remote_plugin = false',
        '',
        '[analytics]',
        'enabled = false',
        '',
        '[tui]',
        'disable_paste_burst = true',
        '',
        '[projects."/work/tree"]',
        'trust_level = "trusted"',
        '',
      ].join('\n'),
    );
  });

  it('sets the model when one is given, as a string', () => {
    expect(codexConfigToml({ ...input, model: 'gpt-"x"' })).toContain('\nmodel = "gpt-\\"x\\""\nmodel_provider = "orchestra"\n');
  });

  it('keeps a directory with quotes or a newline inside its table key', () => {
    expect(codexConfigToml({ ...input, trustedDir: '/tmp/a"]\nb' })).toContain('[projects."/tmp/a\\"]\\nb"]\ntrust_level');
  });
});
