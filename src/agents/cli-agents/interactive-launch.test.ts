import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInCliProfiles } from './built-in-profiles.js';
import { claudeHookSettings } from './claude-hooks.js';
import { canResume, interactiveLaunch, type InteractiveLaunchInput } from './interactive-launch.js';
import { parseCliProfile } from './profile-schema.js';
import type { CliProfile } from './profile.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const hookCommand = ['/usr/bin/node', '/opt/orchestra/bin/orchestra.js', 'hook'];
const settings = claudeHookSettings([...hookCommand, 'claude']);
const profiles = builtInCliProfiles();
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

  it.each<[string, boolean, string[]]>([
    ['codex', false, ['--full-auto', '--', '-fix the tests']],
    ['codex', true, ['resume', 'thread-1']],
    ['gemini', false, ['--approval-mode', 'auto_edit', '--prompt-interactive=-fix the tests']],
  ])('%s (resume %s): %j', async (name, resume, args) => {
    const launch = await interactiveLaunch(profile(name), input({ resume, sessionId: resume ? 'thread-1' : undefined }));
    expect(launch.args).toEqual(args);
    expect(launch.env).toEqual({});
    expect(existsSync(join(stateDir, 'opencode-plugin.js'))).toBe(false);
  });
});

describe('resuming', () => {
  it.each<[string, string | undefined, boolean]>([
    ['claude-code', 'id', true],
    ['claude-code', undefined, false],
    ['opencode', undefined, false],
    ['gemini', 'id', false],
  ])('canResume(%s, %s) = %s', (name, sessionId, expected) => {
    expect(canResume(profile(name), sessionId)).toBe(expected);
  });

  it.each<[string, string | undefined, string]>([
    ['claude-code', undefined, 'CLI profile "claude-code" cannot resume: no agent session id is known for this task.'],
    ['gemini', 'id', 'CLI profile "gemini" cannot resume: its profile has no interactive.resume_args.'],
  ])('%s without what it needs is E_USAGE, so the caller can start fresh', async (name, sessionId, message) => {
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

  it('an interactive env OPENCODE_CONFIG_CONTENT is the one the plugin is merged into', async () => {
    const custom = parseCliProfile('oc', { command: 'opencode', interactive: { status: 'opencode-plugin', env: { OPENCODE_CONFIG_CONTENT: '{"share":"disabled"}' } } });
    const launch = await interactiveLaunch(custom, input({ env: { OPENCODE_CONFIG_CONTENT: '{"ignored":true}' } }));
    expect(JSON.parse(launch.env.OPENCODE_CONFIG_CONTENT ?? '{}')).toEqual({ share: 'disabled', plugin: [expect.stringMatching(/^file:\/\/.*opencode-plugin\.js$/)] });
  });

  it('claude-hooks without a hook command is E_USAGE', async () => {
    await expect(interactiveLaunch(profile('claude-code'), input({ hookCommand: [] }))).rejects.toMatchObject({ code: 'E_USAGE', message: 'claudeHookSettings: the hook command is empty.' });
  });
});
