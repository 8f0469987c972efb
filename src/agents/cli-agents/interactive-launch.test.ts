import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInCliProfiles } from './built-in-profiles.js';
import { claudeHookSettings } from './claude-hooks.js';
import { codexHooksJson } from './codex-hooks.js';
import { canResume, interactiveLaunch, type InteractiveLaunchInput } from './interactive-launch.js';
import { parseCliProfile } from './profile-schema.js';
import type { CliProfile } from './profile.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const hookCommand = ['/usr/bin/node', '/opt/orchestra/bin/orchestra.js', 'hook'];
const settings = claudeHookSettings([...hookCommand, 'claude']);
const profiles = builtInCliProfiles();
const codexTui = ['--no-daemon', '--dangerously-bypass-hook-trust', '--sandbox', 'workspace-write', '--ask-for-approval', 'on-request'];
const profile = (name: string): CliProfile => profiles[name] ?? parseCliProfile(name, { command: name });

let stateDir: string;
beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'orchestra-launch-'));
});
afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

const input = (overrides: Partial<InteractiveLaunchInput> = {}): InteractiveLaunchInput => ({ prompt: '-fix the tests', resume: false, hookCommand, stateDir, ...overrides });

describe('interactiveLaunch for the built-in profiles', () => {
  it('claude-code: a new session with an assigned UUID, the model, the hooks and the prompt after --', async () => {
    const launch = await interactiveLaunch(profile('claude-code'), input({ model: 'worker' }));
    expect(launch.sessionId).toMatch(uuid);
    expect(launch).toEqual({
      command: 'claude',
      args: ['--permission-mode', 'acceptEdits', '--session-id', launch.sessionId, '--model', 'sonnet', '--settings', settings, '--', '-fix the tests'],
      env: { DISABLE_AUTOUPDATER: '1', DISABLE_TELEMETRY: '1', DISABLE_ERROR_REPORTING: '1' },
      sessionId: launch.sessionId,
    });
  });

  it('claude-code: a fresh UUID each time, and no prompt argument for an empty description', async () => {
    const first = await interactiveLaunch(profile('claude-code'), input({ prompt: '  ' }));
    const second = await interactiveLaunch(profile('claude-code'), input());
    expect(first.sessionId).not.toBe(second.sessionId);
    expect(first.args).toEqual(['--permission-mode', 'acceptEdits', '--session-id', first.sessionId, '--settings', settings]);
  });

  it('claude-code: resume passes the known id and never the prompt', async () => {
    const launch = await interactiveLaunch(profile('claude-code'), input({ resume: true, sessionId: '0b7c1c1e-1111-4222-8333-444455556666', model: 'opus' }));
    expect(launch.args).toEqual(['--permission-mode', 'acceptEdits', '--resume', '0b7c1c1e-1111-4222-8333-444455556666', '--model', 'opus', '--settings', settings]);
    expect(launch.sessionId).toBe('0b7c1c1e-1111-4222-8333-444455556666');
    expect(launch.typePrompt).toBeUndefined();
  });

  it('opencode: --flag=value arguments, and the plugin added to the OPENCODE_CONFIG_CONTENT it starts with', async () => {
    const userConfig = { model: 'fake/m', plugin: ['user-plugin'] };
    const launch = await interactiveLaunch(profile('opencode'), input({ model: 'fake/m', env: { OPENCODE_CONFIG_CONTENT: JSON.stringify(userConfig) } }));
    expect(launch.command).toBe('opencode');
    expect(launch.args).toEqual(['--model=fake/m', '--prompt=-fix the tests']);
    expect(launch.sessionId).toBeUndefined();
    const config = JSON.parse(launch.env.OPENCODE_CONFIG_CONTENT ?? '{}') as { model: string; plugin: string[] };
    expect(config.model).toBe('fake/m');
    expect(config.plugin[0]).toBe('user-plugin');
    const pluginPath = fileURLToPath(config.plugin[1] ?? '');
    expect(pluginPath).toBe(join(stateDir, 'opencode-plugin.js'));
    expect(readFileSync(pluginPath, 'utf8')).toContain(JSON.stringify([...hookCommand, 'opencode']));
  });

  it('opencode: resume with the reported session', async () => {
    const launch = await interactiveLaunch(profile('opencode'), input({ resume: true, sessionId: 'ses_abc' }));
    expect(launch.args).toEqual(['--session=ses_abc']);
    expect(launch.sessionId).toBe('ses_abc');
  });

  it('issue 9: codex: its TUI without a daemon, and its own CODEX_HOME with config.toml and hooks.json in the state dir', async () => {
    const launch = await interactiveLaunch(profile('codex'), input({ model: 'gpt-x', cwd: '/work/tree', env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', HOME: '/home/u' } }));
    const codexHome = join(stateDir, 'codex-home');
    expect(launch).toEqual({
      command: 'codex',
      args: [...codexTui, '--model', 'gpt-x', '--', '-fix the tests'],
      env: { CODEX_HOME: codexHome, TMPDIR: join(codexHome, 'tmp-dir') },
    });
    expect(readFileSync(join(codexHome, 'config.toml'), 'utf8')).toContain('base_url = "http://127.0.0.1:9/v1"\nenv_key = "OPENAI_API_KEY"\nwire_api = "responses"');
    expect(readFileSync(join(codexHome, 'config.toml'), 'utf8')).toContain('[projects."/work/tree"]\ntrust_level = "trusted"');
    expect(readFileSync(join(codexHome, 'hooks.json'), 'utf8')).toBe(codexHooksJson([...hookCommand, 'codex']));
  });

  it('issue 9: codex: resume names the reported session after the TUI options', async () => {
    const launch = await interactiveLaunch(profile('codex'), input({ resume: true, sessionId: '019a0b7c-1111-7222-8333-444455556666' }));
    expect(launch.args).toEqual(['resume', ...codexTui, '--', '019a0b7c-1111-7222-8333-444455556666']);
    expect(launch.sessionId).toBe('019a0b7c-1111-7222-8333-444455556666');
    expect(launch.env).toEqual({ CODEX_HOME: join(stateDir, 'codex-home'), TMPDIR: join(stateDir, 'codex-home', 'tmp-dir') });
  });
});

describe('resuming', () => {
  it.each<[string, string | undefined, boolean]>([
    ['claude-code', '0b7c1c1e-1111-4222-8333-444455556666', true],
    ['claude-code', 'id', false],
    ['claude-code', '--dangerously-skip-permissions', false],
    ['claude-code', undefined, false],
    ['opencode', 'ses_abc', true],
    ['opencode', '-ses_abc', false],
    ['opencode', undefined, false],
    ['codex', '019a0b7c-1111-7222-8333-444455556666', true],
    ['codex', 'ses_abc', false],
    ['gemini', 'id', false],
  ])('canResume(%s, %s) = %s', (name, sessionId, expected) => {
    expect(canResume(profile(name), sessionId)).toBe(expected);
  });

  it.each<[string, string | undefined, string]>([
    ['claude-code', undefined, 'CLI profile "claude-code" cannot resume: no agent session id is known for this task.'],
    ['gemini', undefined, 'CLI profile "gemini" cannot resume: no agent session id is known for this task.'],
    ['claude-code', '--dangerously-skip-permissions', 'CLI profile "claude-code" cannot resume: the task\'s agent session id "--dangerously-skip-permissions" is not one this agent makes: it starts with "-", so the agent would read it as an option.'],
    ['opencode', 'ses_1 $(id)', 'CLI profile "opencode" cannot resume: the task\'s agent session id "ses_1 $(id)" is not one this agent makes: it has characters other than letters, digits and _ . : -.'],
    ['claude-code', 'ses_abc', 'CLI profile "claude-code" cannot resume: the task\'s agent session id "ses_abc" is not one this agent makes: it does not match the agent\'s session_id_pattern [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}.'],
  ])('issue 8.9: %s without what it needs, or with a session id that could be an option, is E_USAGE, so the caller can start fresh', async (name, sessionId, message) => {
    await expect(interactiveLaunch(profile(name), input({ resume: true, sessionId }))).rejects.toMatchObject({ code: 'E_USAGE', message, hint: 'Start the agent fresh instead.' });
  });
});

describe('profiles of the user', () => {
  it('without an interactive section: the command alone, the prompt typed in, no resume', async () => {
    const plain = parseCliProfile('aider', { command: 'aider', args: ['--message', '{prompt}'], env: { AIDER_X: '1' } });
    expect(await interactiveLaunch(plain, input())).toEqual({ command: 'aider', args: [], env: { AIDER_X: '1' }, typePrompt: '-fix the tests' });
    expect(canResume(plain, 'id')).toBe(false);
  });

  it('prompt_via type: typed on a new start only; interactive env over the profile env', async () => {
    const typed = parseCliProfile('t', { command: 't', env: { A: '1', B: '1' }, interactive: { args: ['--tui'], resume_args: ['--last'], session_id: 'report', env: { B: '2' } } });
    expect(await interactiveLaunch(typed, input())).toEqual({ command: 't', args: ['--tui'], env: { A: '1', B: '2' }, typePrompt: '-fix the tests' });
    expect(await interactiveLaunch(typed, input({ resume: true }))).toEqual({ command: 't', args: ['--last'], env: { A: '1', B: '2' } });
  });

  it('issue 8.9: a session_id_pattern of the user narrows the ids its agent resumes', async () => {
    const custom = parseCliProfile('c', { command: 'c', interactive: { resume_args: ['--resume', '{session_id}'], session_id: 'report', session_id_pattern: 'run-[0-9]+' } });
    expect((await interactiveLaunch(custom, input({ resume: true, sessionId: 'run-42' }))).args).toEqual(['--resume', 'run-42']);
    expect(canResume(custom, 'run-42x')).toBe(false);
    expect(() => parseCliProfile('bad', { command: 'c', interactive: { session_id_pattern: '(' } })).toThrow(/session_id_pattern.*valid regular expression/);
  });

  it('an interactive env OPENCODE_CONFIG_CONTENT is the one the plugin is merged into', async () => {
    const custom = parseCliProfile('oc', { command: 'opencode', interactive: { status: 'opencode-plugin', env: { OPENCODE_CONFIG_CONTENT: '{"share":"disabled"}' } } });
    const launch = await interactiveLaunch(custom, input({ env: { OPENCODE_CONFIG_CONTENT: '{"ignored":true}' } }));
    expect(JSON.parse(launch.env.OPENCODE_CONFIG_CONTENT ?? '{}')).toEqual({ share: 'disabled', plugin: [expect.stringMatching(/^file:\/\/.*opencode-plugin\.js$/)] });
  });

  it('claude-hooks without a hook command is E_USAGE', async () => {
    await expect(interactiveLaunch(profile('claude-code'), input({ hookCommand: [] }))).rejects.toMatchObject({ code: 'E_USAGE', message: 'claudeHookSettings: the hook command is empty.' });
  });
});
