import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInCliProfiles, cliProfilesFor } from './built-in-profiles.js';
import { interactiveLaunch, type InteractiveLaunchInput } from './interactive-launch.js';

const mcpServer = { command: '/usr/bin/node', args: ['/opt/orchestra/bin/orchestra.js', 'mcp'], env: { ORCHESTRA_HOME: '/home/ann/.orchestra' } };
const profiles = builtInCliProfiles();

let stateDir: string;
beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'orchestra-mcp-launch-'));
});
afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

const input = (overrides: Partial<InteractiveLaunchInput> = {}): InteractiveLaunchInput => ({ prompt: 'fix it', resume: false, hookCommand: ['/usr/bin/node', 'orchestra.js', 'hook'], stateDir, mcpServer, ...overrides });

describe("issue 12: Orchestra's MCP server in an agent session's own config", () => {
  it('issue 12: claude-code: --mcp-config names a 0600 file of the session with `orchestra mcp`, before the prompt; resume gets it too', async () => {
    for (const resume of [false, true]) {
      const launch = await interactiveLaunch(profiles['claude-code']!, input({ resume, ...(resume && { sessionId: '0b7c1c1e-1111-4222-8333-444455556666' }) }));
      const at = launch.args.indexOf('--mcp-config');
      const file = launch.args[at + 1]!;
      expect(file).toBe(join(stateDir, 'mcp-config.json'));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ mcpServers: { orchestra: { type: 'stdio', ...mcpServer } } });
      if (!resume) expect(at).toBeLessThan(launch.args.indexOf('--'));
      expect(launch.args).not.toContain('--permission-prompt-tool');
    }
  });

  it('issue 12: opencode: the server is added under `mcp` of OPENCODE_CONFIG_CONTENT, keeping the user\'s servers and the plugin', async () => {
    const user = { mcp: { theirs: { type: 'remote', url: 'https://example.com/mcp' } } };
    const launch = await interactiveLaunch(profiles.opencode!, input({ env: { OPENCODE_CONFIG_CONTENT: JSON.stringify(user) } }));
    const config = JSON.parse(launch.env.OPENCODE_CONFIG_CONTENT ?? '{}') as { mcp: Record<string, unknown>; plugin: string[] };
    expect(config.mcp).toEqual({ ...user.mcp, orchestra: { type: 'local', command: [mcpServer.command, ...mcpServer.args], environment: mcpServer.env, enabled: true } });
    expect(config.plugin).toHaveLength(1);
  });

  it('issue 12: interactive.mcp: false leaves it out; interactive.approvals: true adds --permission-prompt-tool', async () => {
    const custom = cliProfilesFor({
      quiet: { extends: 'claude-code', changes: { interactive: { mcp: false } } },
      asks: { extends: 'claude-code', changes: { interactive: { approvals: true } } },
      'opencode-quiet': { extends: 'opencode', changes: { interactive: { mcp: false } } },
    });
    expect((await interactiveLaunch(custom.quiet!, input())).args).not.toContain('--mcp-config');
    const asks = (await interactiveLaunch(custom.asks!, input())).args;
    expect(asks[asks.indexOf('--permission-prompt-tool') + 1]).toBe('mcp__orchestra__approval_prompt');
    const opencode = await interactiveLaunch(custom['opencode-quiet']!, input());
    expect(JSON.parse(opencode.env.OPENCODE_CONFIG_CONTENT ?? '{}')).not.toHaveProperty('mcp');
  });

  it('issue 12: without a server (a daemon given no `orchestra mcp`) nothing is added', async () => {
    const { mcpServer: _none, ...bare } = input();
    expect((await interactiveLaunch(profiles['claude-code']!, bare)).args).not.toContain('--mcp-config');
  });
});
