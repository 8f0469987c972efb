import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from '../testing/run-cli.js';
import type { DoctorCheck } from './doctor.js';
import { noPeople } from '../../config/index.js';
import { systemActor } from '../../humans/tasks/actor.js';
import { authenticateLocal } from '../../services/auth/index.js';
import { createHumanTask } from '../../services/human-tasks/index.js';
import { defaultDbPath } from '../../store/home.js';
import { openSqliteStore } from '../../store/sqlite/index.js';

const secret = 'sk-ant-doctor-secret-4f9c2e';
// A CLI of the user's (a cli_agents stanza) whose command is on no PATH: the built-in CLIs are all installed in node_modules/.bin.
const missingCli = ['cli_agents:', '  my-agent:', '    command: orchestra-missing-agent-cli', '    install_hint: pip install my-agent'];

describe('orchestra doctor', () => {
  let ws: Workspace;
  let fakeBin: string;
  let server: Server | undefined;

  beforeEach(() => {
    ws = createWorkspace('orchestra-doctor-');
    fakeBin = join(ws.dir, 'bin');
    mkdirSync(fakeBin);
    // Fake codex, gemini and opencode on PATH, found before the ones in node_modules/.bin (whose
    // --version takes seconds each on a loaded machine); claude stays the real one. git comes from
    // the machine's PATH.
    for (const [name, version] of [['codex', 'codex-cli 9.9.9'], ['gemini', '9.9.8'], ['opencode', '9.9.7']]) {
      writeFileSync(join(fakeBin, name as string), `#!/bin/sh\necho "${version}"\n`);
      chmodSync(join(fakeBin, name as string), 0o755);
    }
  });
  afterEach(async () => {
    ws.remove();
    if (server) await new Promise((done) => server?.close(done));
    server = undefined;
  });

  const env = (extra: Record<string, string> = {}) => ({ PATH: `${fakeBin}:${process.env.PATH ?? ''}`, HOME: ws.dir, ...extra });
  const doctor = (args: string[], extra?: Record<string, string>) => runCli(['doctor', ...args], { cwd: ws.dir, home: ws.home, env: env(extra) });
  const checksOf = (stdout: string) => (JSON.parse(stdout) as { checks: DoctorCheck[] }).checks;
  const byName = (checks: DoctorCheck[], name: string) => checks.find((check) => check.name === name);

  // Answers GET /v1/models like an OpenAI-compatible server; everything else is 404.
  async function listen(): Promise<string> {
    server = createServer((request, response) => response.writeHead(request.url === '/v1/models' ? 200 : 404).end('{"data":[]}'));
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  }

  async function closedPort(): Promise<string> {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    return `http://127.0.0.1:${port}/v1`;
  }

  it('reports every check and exits 0 when nothing is a problem, never printing a key', async () => {
    const url = await listen();
    ws.write('orchestra.yaml', [`providers:\n  anthropic: {}\n  local:\n    base_url: ${url}`, ...missingCli].join('\n'));
    const result = await doctor([], { ANTHROPIC_API_KEY: secret });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`ok      config: ${join(ws.dir, 'orchestra.yaml')} (backend agent, by default)\n`);
    expect(out).toMatch(new RegExp(`ok      store: ${join(ws.home, 'orchestra.db')} \\(schema version \\d+, current; pages, indexes and rows sound\\)\\n`));
    expect(out).toMatch(/ok {6}git: git version \d/);
    expect(out).toContain(`ok      codex: codex-cli 9.9.9 (${join(fakeBin, 'codex')})\n`);
    expect(out).toContain(`ok      gemini: 9.9.8 (${join(fakeBin, 'gemini')})\n`);
    expect(out).toContain('-       my-agent: CLI agent "my-agent" is not installed');
    expect(out).toContain('ok      ANTHROPIC_API_KEY: set (used by provider anthropic)\n');
    expect(out).toContain('-       OPENAI_API_KEY: not set\n');
    expect(out).toContain(`ok      providers.local.base_url: ${url}: the openai-compatible API answered GET /models (HTTP 200)\n`);
    expect(out.endsWith('No problems found.\n')).toBe(true);
    expect(out).not.toContain(secret);
  });

  it('finds the agent CLIs installed in node_modules/.bin (the real Claude Code)', async () => {
    const result = await doctor(['--json']);
    const claude = byName(checksOf(result.stdout), 'claude-code');
    expect(claude).toMatchObject({ area: 'agent-cli', status: 'ok' });
    expect(claude?.detail).toMatch(/^\d+\.\d+\.\d+ \(Claude Code\) \(.*node_modules\/\.bin\/claude\)$/);
  });

  it('lists each problem with a fix and exits 1', async () => {
    const url = await closedPort();
    ws.write('orchestra.yaml', [
      'providers:',
      '  openai: {}',
      '  local:',
      `    base_url: ${url}`,
      'agents:',
      '  coder:',
      '    cli: ghost',
      'cli_agents:',
      '  ghost: { command: orchestra-ghost-cli, npm_package: "@example/ghost" }',
    ].join('\n'));
    const result = await doctor(['--json'], { OPENAI_API_KEY: '', GEMINI_API_KEY: secret });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain(secret);
    const parsed = JSON.parse(result.stdout) as { ok: boolean; configFile: string; checks: DoctorCheck[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.configFile).toBe(join(ws.dir, 'orchestra.yaml'));
    const problems = parsed.checks.filter((check) => check.status === 'problem');
    expect(problems).toEqual([
      {
        area: 'agent-cli',
        name: 'ghost',
        status: 'problem',
        detail: 'CLI agent "ghost" is not installed: "orchestra-ghost-cli" was found neither on PATH nor in a node_modules/.bin.',
        fix: 'Install it with: npm install -g @example/ghost (or set cli_agents.ghost.command to its path).',
      },
      {
        area: 'provider-key',
        name: 'OPENAI_API_KEY',
        status: 'problem',
        detail: 'not set (used by provider openai)',
        fix: 'Export OPENAI_API_KEY=<your key> (or set providers.openai.api_key_env to the variable that holds it); `orchestra doctor` lists the keys it finds.',
      },
      {
        area: 'base-url',
        name: 'providers.local.base_url',
        status: 'problem',
        detail: `${url} did not answer within 2 s (ECONNREFUSED)`,
        fix: `start the server at ${url}, or correct providers.local.base_url in orchestra.yaml`,
      },
    ]);
    expect(byName(parsed.checks, 'GEMINI_API_KEY')).toEqual({ area: 'provider-key', name: 'GEMINI_API_KEY', status: 'ok', detail: 'set' });
  });

  it('reports an invalid config with its position and hint', async () => {
    ws.write('orchestra.yaml', 'backend: langgraph\n');
    const result = await doctor([]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `problem config: ${join(ws.dir, 'orchestra.yaml')}:1:10: backend: "langgraph" is not allowed. Allowed: direct, agent, cli, simulation.\n` +
        '          fix: docs/configuration.md lists every key, its type and its default.\n',
    );
    expect(result.stdout.endsWith('1 problem found.\n')).toBe(true);
  });

  it('reports the defaults when there is no config file', async () => {
    const result = await doctor(['--json']);
    expect(byName(checksOf(result.stdout), 'config')).toEqual({ area: 'config', name: 'config', status: 'ok', detail: 'no config file (defaults; backend simulation)' });
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, configFile: null });
  });

  it('reports a store it cannot open', async () => {
    writeFileSync(join(ws.dir, 'not-a-dir'), 'x');
    const result = await runCli(['doctor', '--json'], { cwd: ws.dir, home: join(ws.dir, 'not-a-dir'), env: env() });
    expect(result.code).toBe(1);
    const store = byName(checksOf(result.stdout), 'store');
    expect(store).toMatchObject({ area: 'store', status: 'problem' });
    expect(store?.detail.startsWith(`${join(ws.dir, 'not-a-dir', 'orchestra.db')}: `)).toBe(true);
    expect(store?.fix).toBeTruthy();
  });

  it('reports a missing git as a problem', async () => {
    const result = await runCli(['doctor', '--json'], { cwd: ws.dir, home: ws.home, env: { PATH: fakeBin, HOME: ws.dir } });
    expect(byName(checksOf(result.stdout), 'git')).toEqual({
      area: 'git',
      name: 'git',
      status: 'problem',
      detail: 'not installed (install git from your system packages (e.g. apt-get install git))',
      fix: 'install git from your system packages (e.g. apt-get install git)',
    });
    expect(result.code).toBe(1);
  });

  it('issue 10: reports overdue human tasks, SLA timers nobody sweeps and failed notices of the local tenant', async () => {
    const store = await openSqliteStore(defaultDbPath(ws.home));
    const tenMinutesAgo = Date.now() - 10 * 60_000;
    let taskId: string;
    try {
      // Created ten minutes ago with a 1-minute SLA: overdue; its first escalation timer was due 9 minutes
      // ago, and its due-soon notice timer (at 80% of the SLA) before that.
      const service = { store, scope: authenticateLocal({ env: { ORCHESTRA_TENANT: 'acme' } }), actor: systemActor, people: noPeople, now: () => tenMinutesAgo };
      const form = { ok: { type: 'boolean' as const } };
      taskId = (await createHumanTask(service, { title: 'Approve it', form, sla: '1m', escalation: [{ priority: 'high' }] })).id;
      const delivery = { tenant: 'acme', channel: 'hook', event: 'created', taskId, payload: {}, createdAt: tenMinutesAgo };
      await store.enqueueDelivery({ ...delivery, id: 'd-dead' });
      await store.enqueueDelivery({ ...delivery, id: 'd-stuck' });
      const [claimed] = await store.claimDeliveries({ owner: 'test', now: tenMinutesAgo, leaseMs: 1_000, limit: 1 });
      await store.markFailed(claimed!.id, 'test', { error: 'HTTP 500', at: tenMinutesAgo });
    } finally {
      await store.close();
    }
    const result = await doctor(['--json'], { ORCHESTRA_TENANT: 'acme' });
    const checks = checksOf(result.stdout);
    expect(byName(checks, 'human tasks')).toMatchObject({ area: 'human-tasks', status: 'info', detail: expect.stringMatching(new RegExp(`^1 waiting in tenant acme, 1 overdue \\(the oldest by 9m\\d\\ds: ${taskId} "Approve it"\\)$`)) });
    expect(byName(checks, 'SLA timers')).toMatchObject({ status: 'problem', fix: 'start the daemon, which sweeps them: orchestra daemon start' });
    expect(byName(checks, 'SLA timers')?.detail).toMatch(/^2 SLA timers are overdue by up to 9m\d\ds; 1 notification waits to be sent for over 2m00s: nothing sweeps this store/);
    expect(byName(checks, 'notifications')).toMatchObject({ status: 'problem', detail: 'in tenant acme: 1 gave up, 0 failed and will be retried' });
    expect(result.code).toBe(1);
    // The default tenant has none of it.
    const other = checksOf((await doctor(['--json'])).stdout);
    expect(byName(other, 'human tasks')).toMatchObject({ status: 'ok', detail: '0 waiting in tenant default, none overdue' });
    expect(byName(other, 'notifications')).toMatchObject({ status: 'ok' });
  });
});

