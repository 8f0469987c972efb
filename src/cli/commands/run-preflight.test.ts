import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from '../testing/run-cli.js';
import { smallPipeline } from '../testing/pipelines.js';
import { openHomeStore } from '../testing/seed-runs.js';

let ws: Workspace;
beforeEach(() => {
  ws = createWorkspace('orchestra-preflight-');
  ws.write('small.dot', smallPipeline);
});
afterEach(() => ws.remove());

const run = (...argv: string[]) => runCli(['run', 'small.dot', '--auto-approve', ...argv], { cwd: ws.dir, home: ws.home, env: { PATH: '/usr/bin:/bin' } });

async function runCount(): Promise<number> {
  if (!existsSync(join(ws.home, 'orchestra.db'))) return 0;
  const store = await openHomeStore(ws.home);
  try {
    return (await store.listRuns()).length;
  } finally {
    await store.close();
  }
}

const runDirs = () => (existsSync(join(ws.home, 'runs')) ? readdirSync(join(ws.home, 'runs')) : []);

describe('issue 9: run refuses to start without what its nodes need, before the run is created', () => {
  it('a missing API key: the message and hint doctor and the backends give, no run row, no run dir', async () => {
    ws.write('orchestra.yaml', 'backend: direct\nproviders:\n  anthropic: {}\n');
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'error[E_CONFIG]: Provider "anthropic" needs an API key in the environment variable ANTHROPIC_API_KEY, which is not set.',
        '  hint: Export ANTHROPIC_API_KEY=<your key> (or set providers.anthropic.api_key_env to the variable that holds it); `orchestra doctor` lists the keys it finds.',
        'Not started: small.dot needs what is missing above. `orchestra doctor` checks keys and agent CLIs; --simulate runs without them.',
        '',
      ].join('\n'),
    );
    expect(await runCount()).toBe(0);
    expect(runDirs()).toEqual([]);
  });

  it('a missing agent CLI: E_AGENT_CLI_MISSING with the install hint, once for all nodes', async () => {
    ws.write('orchestra.yaml', 'backend: cli\nagents:\n  coder: { cli: ghost }\ncli_agents:\n  ghost: { command: orchestra-ghost-cli, npm_package: "@example/ghost" }\n');
    ws.write('small.dot', smallPipeline.replace('digraph Small {', 'digraph Small {\n  node [agent="coder"]'));
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'error[E_AGENT_CLI_MISSING]: CLI agent "ghost" is not installed: "orchestra-ghost-cli" was found neither on PATH nor in a node_modules/.bin.',
        '  hint: Install it with: npm install -g @example/ghost (or set cli_agents.ghost.command to its path).',
        'Not started: small.dot needs what is missing above. `orchestra doctor` checks keys and agent CLIs; --simulate runs without them.',
        '',
      ].join('\n'),
    );
    expect(await runCount()).toBe(0);
    expect(runDirs()).toEqual([]);
  });

  it('finds an agent CLI in the project node_modules/.bin, as doctor does, and runs it', async () => {
    mkdirSync(join(ws.dir, 'node_modules', '.bin'), { recursive: true });
    const agent = join(ws.dir, 'node_modules', '.bin', 'project-agent');
    writeFileSync(agent, '#!/bin/sh\necho "done by the project agent"\n');
    chmodSync(agent, 0o755);
    ws.write('orchestra.yaml', 'backend: cli\nagents:\n  coder: { cli: mine }\ncli_agents:\n  mine: { command: project-agent }\n');
    ws.write('small.dot', smallPipeline.replace('digraph Small {', 'digraph Small {\n  node [agent="coder"]'));
    const result = await run('--quiet');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doctor = await runCli(['doctor', '--json'], { cwd: ws.dir, home: ws.home, env: { PATH: '/usr/bin:/bin' } });
    const checks = (JSON.parse(doctor.stdout) as { checks: { name: string; status: string; detail: string }[] }).checks;
    expect(checks.find((check) => check.name === 'mine')).toMatchObject({ status: 'ok', detail: `done by the project agent (${agent})` });
  });

  it('--simulate needs neither', async () => {
    ws.write('orchestra.yaml', 'backend: direct\nproviders:\n  anthropic: {}\n');
    const result = await run('--simulate', '--quiet');
    expect(result.code).toBe(0);
    expect(await runCount()).toBe(1);
  });
});
