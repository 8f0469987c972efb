import { describe, expect, it } from 'vitest';
import { formatLocation, isOrchestraError } from '../../core/index.js';
import { parseConfig } from '../../config/parse-config.js';
import { builtInCliProfiles, cliProfilesFor } from './built-in-profiles.js';

const load = (lines: string[]) => parseConfig(`${lines.join('\n')}\n`, '/project/orchestra.yaml', {});

function errorOf(run: () => unknown): { code: string; message: string; at: string | undefined } {
  try {
    run();
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    return { code: error.code, message: error.message, at: error.location === undefined ? undefined : formatLocation(error.location) };
  }
  throw new Error('expected an error');
}

describe('issue 9: a built-in agent profile extended from orchestra.yaml', () => {
  const builtIn = builtInCliProfiles()['claude-code'];

  it('adds env and pass_env to claude-code and keeps everything else', () => {
    const config = load(['cli_agents:', '  claude-code:', '    env: { CLAUDE_CONFIG_DIR: /tmp/claude, DISABLE_TELEMETRY: "0" }', '    pass_env: [MY_PROXY_*]']);
    const profile = cliProfilesFor(config.cliAgents)['claude-code'];
    expect(profile?.env).toEqual({ DISABLE_AUTOUPDATER: '1', DISABLE_TELEMETRY: '0', DISABLE_ERROR_REPORTING: '1', CLAUDE_CONFIG_DIR: '/tmp/claude' });
    expect(profile?.passEnv).toEqual([...(builtIn?.passEnv ?? []), 'MY_PROXY_*']);
    expect(profile?.args).toEqual(builtIn?.args);
    expect(profile?.interactive).toEqual(builtIn?.interactive);
    expect(profile?.command).toBe('claude');
  });

  it('replaces scalars and lists: an absolute command and version_args', () => {
    const config = load(['cli_agents:', '  claude-code: { command: /opt/claude/bin/claude, version_args: [-v], models: { cheap: haiku-4 } }']);
    const profile = cliProfilesFor(config.cliAgents)['claude-code'];
    expect(profile).toMatchObject({ command: '/opt/claude/bin/claude', versionArgs: ['-v'], models: { smart: 'opus', worker: 'sonnet', cheap: 'haiku-4' } });
    expect(profile?.args).toEqual(builtIn?.args);
  });

  it('merges interactive.env and keeps the other interactive keys', () => {
    const config = load(['cli_agents:', '  claude-code:', '    interactive: { env: { TUI: "1" } }']);
    const profile = cliProfilesFor(config.cliAgents)['claude-code'];
    expect(profile?.interactive).toEqual({ ...builtIn?.interactive, env: { TUI: '1' } });
  });

  it.each<[string, string[], string, string]>([
    ['a misspelt key', ['cli_agents:', '  claude-code:', '    envv: { A: "1" }'], 'cli_agents.claude-code.envv: unknown key. Did you mean "env"? Allowed here: command, args, prompt_via, output, env, pass_env, models, npm_package, install_hint, install, version_args, interactive.', '3:5'],
    ['a value of the wrong type', ['cli_agents:', '  claude-code:', '    pass_env: ANTHROPIC_*'], 'cli_agents.claude-code.pass_env: expected a list, got a string ("ANTHROPIC_*").', '3:15'],
    ['a custom profile without command', ['cli_agents:', '  mine:', '    args: ["{prompt}"]'], 'cli_agents.mine.command: missing; it is required (a string).', '2:3'],
  ])('reports %s naming the field', (_what, lines, message, at) => {
    const error = errorOf(() => load(lines));
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toBe(message);
    expect(error.at).toBe(`/project/orchestra.yaml:${at}`);
  });

  it('checks the merged profile as cli_agents.<name>', () => {
    const config = load(['cli_agents:', '  claude-code: { prompt_via: stdin }']);
    const error = errorOf(() => cliProfilesFor(config.cliAgents));
    expect(error.message).toBe('cli_agents.claude-code.args: prompt_via is "stdin" but an argument contains {prompt}; remove it, or set prompt_via: argument.');
  });
});
