import { describe, expect, it } from 'vitest';
import { cliMissingError, probeCliProfile } from './probe-profile.js';
import { fakeCli, tempDir } from './cli-test-support.js';
import { parseCliProfile } from './profile-schema.js';

describe('issue 9: probeCliProfile (doctor) finds CLIs as run does and honours version_args', () => {
  const dir = tempDir('probe');
  // Answers only to `version` (no --version), printing the environment's greeting to prove env reaches it.
  const cli = fakeCli(dir, 'my-cli', 'if [ "$1" = "version" ]; then echo "my-cli 1.2.3 $GREETING"; else echo "usage: my-cli version" >&2; exit 2; fi');

  it('runs version_args with the profile env, and reports an absolute command as installed', async () => {
    const profile = parseCliProfile('mine', { command: cli, version_args: ['version'], env: { GREETING: 'hi' } });
    const probe = await probeCliProfile(profile, { PATH: '/usr/bin:/bin' }, dir);
    expect(probe).toEqual({ profile: 'mine', path: cli, version: 'my-cli 1.2.3 hi', problem: undefined });
  });

  it('reports a version command that fails as a problem naming the command and what it printed', async () => {
    const profile = parseCliProfile('mine', { command: cli });
    const probe = await probeCliProfile(profile, { PATH: '/usr/bin:/bin' }, dir);
    expect(probe.problem?.code).toBe('E_AGENT_CLI_MISSING');
    expect(probe.problem?.message).toBe(`CLI agent "mine" does not answer: "${cli} --version" failed (exit 2: usage: my-cli version).`);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a bare name', { command: 'orchestra-no-such-cli', npm_package: '@x/no-such' }, 'CLI agent "p" is not installed: "orchestra-no-such-cli" was found neither on PATH nor in a node_modules/.bin.', 'Install it with: npm install -g @x/no-such (or set cli_agents.p.command to its path).'],
    ['a path', { command: '/nowhere/agent' }, 'CLI agent "p" is not installed: /nowhere/agent does not exist or is not executable.', 'Install "/nowhere/agent", or set cli_agents.p.command to its path.'],
  ])('a missing CLI (%s) gets E_AGENT_CLI_MISSING with an install hint', async (_what, stanza, message, hint) => {
    const profile = parseCliProfile('p', stanza);
    expect(cliMissingError(profile)).toMatchObject({ code: 'E_AGENT_CLI_MISSING', message, hint });
    const probe = await probeCliProfile(profile, { PATH: '/usr/bin:/bin' }, dir);
    expect(probe.problem).toMatchObject({ message, hint });
  });
});
