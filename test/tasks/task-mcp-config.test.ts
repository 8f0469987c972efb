import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, fakeAgentPath, TaskProject } from '../support/task-project.js';

// Every task started with a Claude Code-like agent (status claude-hooks) gets Orchestra's MCP server
// through --mcp-config: a file of the task's own, 0600, naming this Orchestra's `orchestra mcp` and
// its home, with no token in it. The fake agent stands in for Claude and records its argv.

let project: TaskProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

function claudeLike(name: string, extra: string): string {
  return `  ${name}:
    command: ${JSON.stringify(process.execPath)}
    pass_env: ["FAKE_*", "CLAUDE_*"]
    interactive:
      args: [${JSON.stringify(fakeAgentPath)}, "--session-id", "{session_id}", ["--", "{prompt}"]]
      session_id: assign
      status: claude-hooks
${extra}`;
}

function optionValue(argv: string[], option: string): string | undefined {
  const at = argv.indexOf(option);
  return at === -1 ? undefined : argv[at + 1];
}

describe('issue 12: Orchestra\'s MCP server in a task\'s session', () => {
  it('issue 12: a claude-hooks agent gets --mcp-config (0600, orchestra mcp of this Orchestra, no token), approvals add --permission-prompt-tool, mcp: false gives none', { timeout: 90_000 }, async () => {
    project = new TaskProject({ env: { CLAUDE_CONFIG_DIR: '' } });
    const p = project;
    p.env.CLAUDE_CONFIG_DIR = join(p.root, 'claude-config');
    writeFileSync(join(p.project, 'orchestra.yaml'), `cli_agents:\n${claudeLike('asks', '      approvals: true\n')}${claudeLike('plain', '')}${claudeLike('without', '      mcp: false\n')}`);
    for (const [slug, agent] of [['one', 'asks'], ['two', 'plain'], ['three', 'without']] as const) {
      expect((await p.bin(['new', slug, '-m', `task ${slug}`, '--agent', agent])).code).toBe(0);
      const started = await p.bin(['start', slug]);
      expect(started.stderr).toBe('');
      expect(started.code).toBe(0);
    }
    await expect.poll(() => p.agentStarts().length, { timeout: 20_000 }).toBe(3);
    const argvOf = (slug: string) => p.agentStarts().find((start) => start.argv.includes(`task ${slug}`))!.argv;

    const asks = argvOf('one');
    const file = optionValue(asks, '--mcp-config')!;
    expect(file).toMatch(/mcp-config\.json$/);
    expect(file.startsWith(p.home)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ mcpServers: { orchestra: { type: 'stdio', command: process.execPath, args: [binPath, 'mcp'], env: { ORCHESTRA_HOME: p.home } } } });
    expect(text).not.toMatch(/orc_|token|Bearer/i);
    expect(optionValue(asks, '--permission-prompt-tool')).toBe('mcp__orchestra__approval_prompt');
    expect(optionValue(asks, '--allowedTools')?.split(',')).toEqual(expect.arrayContaining(['mcp__orchestra__task_create', 'mcp__orchestra__task_complete']));
    // The options go before `--`: after it they would be read as the prompt.
    expect(asks.indexOf('--mcp-config')).toBeLessThan(asks.indexOf('--'));

    const plain = argvOf('two');
    expect(optionValue(plain, '--mcp-config')).toMatch(/mcp-config\.json$/);
    expect(optionValue(plain, '--mcp-config')).not.toBe(file);
    expect(plain).not.toContain('--permission-prompt-tool');

    const without = argvOf('three');
    expect(without).not.toContain('--mcp-config');
    expect(without).not.toContain('--permission-prompt-tool');
  });

  it('issue 12: a bad switch in orchestra.yaml is refused naming its key', { timeout: 60_000 }, async () => {
    project = new TaskProject();
    writeFileSync(join(project.project, 'orchestra.yaml'), `cli_agents:\n${claudeLike('bad', '      approvals: "yes"\n')}`);
    const created = await project.bin(['new', 'x', '-m', 'x', '--agent', 'bad']);
    expect(created.code).not.toBe(0);
    expect(created.stderr).toContain('cli_agents.bad.interactive.approvals');
  });
});
