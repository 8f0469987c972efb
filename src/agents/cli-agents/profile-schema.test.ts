import { describe, expect, it } from 'vitest';
import { builtInCliProfiles, builtInCliStanzas } from './built-in-profiles.js';
import { parseCliProfile } from './profile-schema.js';

describe('parseCliProfile', () => {
  it('parses every built-in stanza with the schema config stanzas use', () => {
    expect(Object.keys(builtInCliProfiles())).toEqual(Object.keys(builtInCliStanzas));
    expect(builtInCliProfiles()['claude-code']).toMatchObject({ command: 'claude', promptVia: 'argument', npmPackage: '@anthropic-ai/claude-code' });
  });

  it('fills defaults and reads field shorthands', () => {
    const profile = parseCliProfile('aider', { command: 'aider', args: ['--message', '{prompt}'], output: { format: 'jsonl', text: 'answer', cost_usd: { path: 'cost', reduce: 'sum' } } });
    expect(profile).toEqual({
      name: 'aider', command: 'aider', args: ['--message', '{prompt}'], promptVia: 'argument',
      output: { format: 'jsonl', fields: { text: { path: 'answer', reduce: 'last' }, costUsd: { path: 'cost', reduce: 'sum' } } },
      env: {}, models: {}, npmPackage: undefined, installHint: undefined, versionArgs: ['--version'],
    });
  });

  it('accepts the config layer spellings: prompt_via arg, output as a word, install', () => {
    const profile = parseCliProfile('x', { command: 'x', args: ['{{ prompt }}'], prompt_via: 'arg', output: 'jsonl', install: 'pip install x' });
    expect(profile).toMatchObject({ promptVia: 'argument', output: { format: 'jsonl', fields: {} }, installHint: 'pip install x' });
  });

  it.each<[string, unknown, string]>([
    ['a missing command', { args: ['{prompt}'] }, 'cli_agents.x.command: Invalid input: expected string, received undefined.'],
    ['a bad output format', { command: 'x', args: ['{prompt}'], output: { format: 'xml' } }, 'cli_agents.x.output: must be text, jsonl, or { format: text | jsonl, text, session_id, cost_usd, turns, tool_uses, is_error }.'],
    ['an unknown key', { command: 'x', args: ['{prompt}'], shell: true }, 'cli_agents.x: Unrecognized key: "shell".'],
    ['a bad reduce', { command: 'x', args: ['{prompt}'], output: { format: 'jsonl', text: { path: 'a', reduce: 'avg' } } }, 'cli_agents.x.output: must be text, jsonl, or { format: text | jsonl, text, session_id, cost_usd, turns, tool_uses, is_error }.'],
    ['an unknown placeholder', { command: 'x', args: ['{promt}'] }, 'cli_agents.x.args: unknown placeholder {promt}.'],
    ['no {prompt} with prompt_via argument', { command: 'x', args: ['run'] }, 'cli_agents.x.args: prompt_via is "argument" but no argument contains {prompt}.'],
    ['{prompt} with prompt_via stdin', { command: 'x', args: ['{prompt}'], prompt_via: 'stdin' }, 'cli_agents.x.args: prompt_via is "stdin" but an argument contains {prompt}.'],
    ['an empty group', { command: 'x', args: ['{prompt}', []] }, 'cli_agents.x.args.1: Too small: expected array to have >=1 items.'],
  ])('rejects %s naming the key path', (_name, stanza, message) => {
    expect(() => parseCliProfile('x', stanza)).toThrow(expect.objectContaining({ code: 'E_CONFIG', message }));
  });
});
