import { describe, expect, it } from 'vitest';
import { builtInCliProfiles, builtInCliStanzas, cliProfilesFor } from './built-in-profiles.js';
import { parseCliProfile } from './profile-schema.js';

describe('parseCliProfile', () => {
  it('parses every built-in stanza with the schema config stanzas use', () => {
    expect(Object.keys(builtInCliProfiles())).toEqual(Object.keys(builtInCliStanzas));
    expect(builtInCliProfiles()['claude-code']).toMatchObject({ command: 'claude', promptVia: 'argument', npmPackage: '@anthropic-ai/claude-code' });
  });

  it('gives every built-in an interactive section', () => {
    const interactive = Object.fromEntries(Object.entries(builtInCliProfiles()).map(([name, profile]) => [name, [profile.interactive?.sessionId, profile.interactive?.status]]));
    expect(interactive).toEqual({
      'claude-code': ['assign', 'claude-hooks'],
      opencode: ['report', 'opencode-plugin'],
      codex: ['report', 'codex-hooks'],
      gemini: ['assign', 'gemini-hooks'],
    });
  });

  it('fills defaults and reads field shorthands', () => {
    const profile = parseCliProfile('aider', { command: 'aider', args: ['--message', '{prompt}'], output: { format: 'jsonl', text: 'answer', cost_usd: { path: 'cost', reduce: 'sum' } } });
    expect(profile).toEqual({
      name: 'aider', command: 'aider', args: ['--message', '{prompt}'], promptVia: 'argument',
      output: { format: 'jsonl', fields: { text: { path: 'answer', reduce: 'last' }, costUsd: { path: 'cost', reduce: 'sum' } } },
      env: {}, passEnv: [], models: {}, npmPackage: undefined, installHint: undefined, versionArgs: ['--version'],
    });
  });

  it('accepts the first config format: prompt_via arg, output as a word, cost, install, no args', () => {
    expect(parseCliProfile('x', { command: 'x', args: ['{{ prompt }}'], prompt_via: 'arg', output: 'jsonl', install: 'pip install x' })).toMatchObject({
      promptVia: 'argument', output: { format: 'jsonl', fields: {} }, installHint: 'pip install x',
    });
    expect(parseCliProfile('x', { command: 'x', output: { format: 'jsonl', cost: 'usage.cost' } })).toMatchObject({
      args: ['{prompt}'], output: { format: 'jsonl', fields: { costUsd: { path: 'usage.cost', reduce: 'last' } } },
    });
    expect(parseCliProfile('x', { command: 'x', prompt_via: 'stdin' }).args).toEqual([]);
  });

  it('reads the interactive section, defaulting prompt_via from its args', () => {
    const typed = parseCliProfile('x', { command: 'x', interactive: {} });
    expect(typed.interactive).toEqual({ args: [], resumeArgs: undefined, sessionId: 'none', status: 'quiescence', promptVia: 'type', env: {}, mcp: true, approvals: false });
    const full = parseCliProfile('x', {
      command: 'x',
      interactive: { args: ['--id', '{session_id}', ['--model', '{model}'], '{prompt}'], resume_args: ['--resume', '{session_id}'], session_id: 'assign', status: 'claude-hooks', env: { A: '1' } },
    });
    expect(full.interactive).toEqual({
      args: ['--id', '{session_id}', ['--model', '{model}'], '{prompt}'], resumeArgs: ['--resume', '{session_id}'], sessionId: 'assign', status: 'claude-hooks', promptVia: 'argument', env: { A: '1' }, mcp: true, approvals: false,
    });
  });

  it.each<[string, unknown, string]>([
    ['a missing command', { args: ['{prompt}'] }, 'cli_agents.x.command: missing; it is required (a string).'],
    ['a bad output format', { command: 'x', args: ['{prompt}'], output: { format: 'xml' } }, 'cli_agents.x.output.format: "xml" is not allowed. Allowed: text, jsonl.'],
    ['a bad output word', { command: 'x', output: 'xml' }, 'cli_agents.x.output: "xml" is not allowed. Allowed: text, jsonl.'],
    ['an unknown key', { command: 'x', args: ['{prompt}'], shell: true }, 'cli_agents.x.shell: unknown key. Allowed here: command, args, prompt_via, output, env, pass_env, models, npm_package, install_hint, install, version_args, config_home, interactive.'],
    ['a bad reduce', { command: 'x', output: { format: 'jsonl', text: { path: 'a', reduce: 'avg' } } }, 'cli_agents.x.output.text.reduce: "avg" is not allowed. Allowed: last, first, sum, count, join.'],
    ['a field with format text', { command: 'x', output: { format: 'text', text: 'a' } }, 'cli_agents.x.output.text: a field path needs format: jsonl (with format: text the whole standard output is the answer).'],
    ['cost and cost_usd', { command: 'x', output: { format: 'jsonl', cost: 'a', cost_usd: 'b' } }, 'cli_agents.x.output.cost: cost is the older name of cost_usd; give only one of them.'],
    ['an unknown placeholder', { command: 'x', args: ['{promt}'] }, 'cli_agents.x.args[0]: unknown placeholder {promt}; use {prompt}, {model}, {session_id} or {resume_id}.'],
    ['no {prompt} with prompt_via argument', { command: 'x', args: ['run'] }, 'cli_agents.x.args: prompt_via is "argument" but no argument contains {prompt}; add "{prompt}" where the CLI expects the prompt, or set prompt_via: stdin.'],
    ['{prompt} with prompt_via stdin', { command: 'x', args: ['{prompt}'], prompt_via: 'stdin' }, 'cli_agents.x.args: prompt_via is "stdin" but an argument contains {prompt}; remove it, or set prompt_via: argument.'],
    ['an empty group', { command: 'x', args: ['{prompt}', []] }, 'cli_agents.x.args[1]: a list must have at least one element (a group of arguments).'],
    ['an unknown interactive key', { command: 'x', interactive: { argz: [] } }, 'cli_agents.x.interactive.argz: unknown key. Did you mean "args"? Allowed here: args, resume_args, session_id, status, prompt_via, env, session_id_pattern, mcp, approvals.'],
    ['a bad status', { command: 'x', interactive: { status: 'hooks' } }, 'cli_agents.x.interactive.status: "hooks" is not allowed. Allowed: claude-hooks, opencode-plugin, codex-hooks, gemini-hooks, quiescence.'],
    ['a bad config_home', { command: 'x', config_home: 'claude' }, 'cli_agents.x.config_home: "claude" is not allowed. Allowed: codex, gemini.'],
    ['gemini-hooks without config_home', { command: 'x', interactive: { status: 'gemini-hooks' } }, 'cli_agents.x.interactive.status: is "gemini-hooks", whose hooks go into the config Orchestra writes for config_home: gemini; add config_home: gemini.'],
    ['codex-hooks with another config_home', { command: 'x', config_home: 'gemini', interactive: { status: 'codex-hooks' } }, 'cli_agents.x.interactive.status: is "codex-hooks", whose hooks go into the config Orchestra writes for config_home: codex; add config_home: codex.'],
    ['{resume_id} in interactive args', { command: 'x', interactive: { args: [['--resume', '{resume_id}']] } }, 'cli_agents.x.interactive.args[0][1]: unknown placeholder {resume_id}; use {prompt}, {model} or {session_id}.'],
    ['{prompt} in resume_args', { command: 'x', interactive: { session_id: 'report', resume_args: ['--resume', '{session_id}', '{prompt}'] } }, 'cli_agents.x.interactive.resume_args[2]: unknown placeholder {prompt}; use {model} or {session_id} (a resumed session already has its prompt).'],
    ['prompt_via argument without {prompt}', { command: 'x', interactive: { prompt_via: 'argument' } }, 'cli_agents.x.interactive.prompt_via: is "argument" but no element of interactive.args contains {prompt}.'],
    ['prompt_via type with {prompt}', { command: 'x', interactive: { args: ['{prompt}'], prompt_via: 'type' } }, 'cli_agents.x.interactive.prompt_via: is "type" but interactive.args contains {prompt}.'],
    ['assign without {session_id}', { command: 'x', interactive: { session_id: 'assign' } }, 'cli_agents.x.interactive.session_id: is "assign" but interactive.args does not pass {session_id}; add the CLI\'s flag for a given session id, as in ["--session-id", "{session_id}"].'],
    ['{session_id} with report', { command: 'x', interactive: { session_id: 'report', args: ['--id', '{session_id}'] } }, 'cli_agents.x.interactive.args: uses {session_id}, which has a value at start only with session_id: assign (it is "report").'],
    ['resume_args with session_id none', { command: 'x', interactive: { resume_args: ['--continue'] } }, 'cli_agents.x.interactive.resume_args: needs a session id to resume, but session_id is "none"; set session_id: assign or report, or remove resume_args.'],
    ['a bad env name', { command: 'x', interactive: { env: { 'a-b': 'x' } } }, 'cli_agents.x.interactive.env.a-b: the name must be an environment variable name (letters, digits, _).'],
  ])('rejects %s naming the key path', (_name, stanza, message) => {
    expect(() => parseCliProfile('x', stanza)).toThrow(expect.objectContaining({ code: 'E_CONFIG', message }));
  });

  it('names a built-in profile by its own key path', () => {
    expect(() => parseCliProfile('y', { command: '' }, ['built-in profile y'])).toThrow(expect.objectContaining({ message: 'built-in profile y.command: "" must not be empty.' }));
  });
});

describe('cliProfilesFor', () => {
  it('puts orchestra.yaml stanzas over the built-ins', () => {
    const profiles = cliProfilesFor({
      'claude-code': { command: '/opt/claude', args: ['{prompt}'], prompt_via: 'argument', output: { format: 'text' }, env: {}, pass_env: [], models: {}, version_args: ['-v'] },
    });
    expect(profiles['claude-code']).toMatchObject({ command: '/opt/claude', versionArgs: ['-v'] });
    expect(profiles['claude-code']?.interactive).toBeUndefined();
    expect(profiles.opencode?.command).toBe('opencode');
  });
});
