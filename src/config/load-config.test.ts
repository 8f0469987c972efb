import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLocation } from '../core/index.js';
import { loadConfig } from './load-config.js';
import { parseConfig } from './parse-config.js';
import { configErrorOf } from './testing/config-error-of.js';
import { noPeople } from './people-types.js';
import { defaultNotifications } from './resolve-notifications.js';

const file = '/project/orchestra.yaml';
const noFiles = () => false;

const errorOf = (text: string, fileExists: (path: string) => boolean = noFiles) => configErrorOf(text, file, fileExists);

describe('parseConfig: schema errors name the file, line:column, key path and what is allowed', () => {
  it.each([
    ['unknown top-level key', 'backend: agent\ncxdb:\n  url: x\n', '2:1', 'cxdb: unknown key. Allowed here: backend, providers, agents, agent, workspace, cli_agents, notifications, people, http.'],
    [
      'misspelled key with did-you-mean',
      'providers:\n  anthropic:\n    modles:\n      smart: claude-opus-4-5\n',
      '3:5',
      'providers.anthropic.modles: unknown key. Did you mean "models"? Allowed here: type, models, base_url, api_key_env.',
    ],
    ['unknown tier', 'providers:\n  openai:\n    models:\n      genius: gpt-5\n', '4:7', 'providers.openai.models.genius: unknown key. Allowed here: smart, worker, cheap.'],
    ['wrong type', 'providers:\n  anthropic:\n    models:\n      smart: 5\n', '4:14', 'providers.anthropic.models.smart: expected a string, got a number (5).'],
    ['bad backend', 'backend: langgraph\n', '1:10', 'backend: "langgraph" is not allowed. Allowed: direct, agent, cli, simulation.'],
    ['close backend', 'backend: agnet\n', '1:10', 'backend: "agnet" is not allowed. Did you mean "agent"? Allowed: direct, agent, cli, simulation.'],
    [
      'bad provider type',
      'providers:\n  local:\n    type: ollama\n    base_url: http://127.0.0.1:1/v1\n',
      '3:11',
      'providers.local.type: "ollama" is not allowed. Allowed: anthropic, openai, google, openai-compatible.',
    ],
    ['bad base_url', 'providers:\n  local:\n    base_url: ftp://x\n', '3:15', 'providers.local.base_url: "ftp://x" must be an http:// or https:// URL.'],
    ['bad push policy', 'workspace:\n  repos:\n    api:\n      path: ../api\n      push: always\n', '5:13', 'workspace.repos.api.push: "always" is not allowed. Allowed: on_completion, on_checkpoint, never.'],
    ['missing repo path', 'workspace:\n  repos:\n    api:\n      push: never\n', '3:5', 'workspace.repos.api.path: missing; it is required (a string).'],
    ['agents not a mapping', 'agents: [a, b]\n', '1:9', 'agents: expected a mapping, got a list.'],
    ['empty model', 'agents:\n  critic:\n    model: ""\n', '3:12', 'agents.critic.model: "" must not be empty.'],
    ['cli output format', 'cli_agents:\n  aider:\n    command: aider\n    output: xml\n', '4:13', 'cli_agents.aider.output: "xml" is not allowed. Allowed: text, jsonl.'],
    [
      'cli output mapping',
      'cli_agents:\n  aider:\n    command: aider\n    output:\n      format: jsonl\n      txt: result\n',
      '6:7',
      'cli_agents.aider.output.txt: unknown key. Did you mean "text"? Allowed here: format, text, session_id, cost_usd, cost, turns, tool_uses, is_error.',
    ],
    ['cli env name', 'cli_agents:\n  aider:\n    command: aider\n    env:\n      bad-name: x\n', '5:7', 'cli_agents.aider.env.bad-name: the name must be an environment variable name (letters, digits, _).'],
    ['prompt_via', 'cli_agents:\n  aider:\n    command: aider\n    prompt_via: file\n', '4:17', 'cli_agents.aider.prompt_via: "file" is not allowed. Allowed: argument, arg, stdin.'],
  ])('%s', (_name, text, position, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('E_CONFIG');
    expect(formatLocation(error.location!)).toBe(`${file}:${position}`);
    expect(error.message).toBe(message);
    expect(error.hint).toBe('docs/configuration.md lists every key, its type and its default.');
  });
});

describe('parseConfig: references and files', () => {
  it.each([
    ['unknown provider type from name', 'providers:\n  mistral:\n    models:\n      smart: m\n', '2:3', 'providers.mistral: cannot tell the provider type from the name "mistral".'],
    ['openai-compatible without base_url', 'providers:\n  local:\n    type: openai-compatible\n', '2:3', 'providers.local: an openai-compatible provider needs base_url.'],
    ['default names nothing', 'providers:\n  default: antropic\n  anthropic: {}\n', '2:12', 'providers.default: unknown provider "antropic". Did you mean "anthropic"? Known: anthropic, openai, google.'],
    ['agent provider', 'agents:\n  critic:\n    provider: opnai\n', '3:15', 'agents.critic.provider: unknown provider "opnai". Did you mean "openai"? Known: anthropic, openai, google.'],
    ['agent cli', 'agents:\n  coder:\n    cli: claude\n', '3:10', 'agents.coder.cli: unknown CLI profile "claude". Known: claude-code, opencode, codex, gemini.'],
    ['layer file missing', 'agents:\n  critic:\n    role: prompts/role.yaml\n', '3:11', 'agents.critic.role: the layer file prompts/role.yaml does not exist (looked for /project/prompts/role.yaml).'],
  ])('%s', (_name, text, position, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('E_CONFIG');
    expect(formatLocation(error.location!)).toBe(`${file}:${position}`);
    expect(error.message).toBe(message);
  });

  it('reports YAML syntax errors at their position', () => {
    const error = errorOf('backend: agent\nproviders:\n  anthropic: {\n');
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toMatch(/^invalid YAML: /);
    expect(error.location?.file).toBe(file);
  });

  it('rejects duplicate keys', () => {
    const error = errorOf('backend: agent\nbackend: cli\n');
    expect(error.message).toBe('invalid YAML: Map keys must be unique');
    expect(formatLocation(error.location!)).toBe(`${file}:2:1`);
  });

  it('rejects a file that is not a mapping', () => {
    expect(errorOf('- a\n- b\n').message).toBe('the config must be a mapping of keys (backend, providers, agents, workspace, cli_agents, notifications, people, http).');
  });
});

describe('parseConfig: resolved values', () => {
  it('fills defaults, infers provider types and resolves paths against the file', () => {
    const text = [
      'backend: cli',
      'providers:',
      '  default: local',
      '  anthropic:',
      '    models: { smart: claude-x }',
      '  local:',
      '    base_url: http://127.0.0.1:8080/v1',
      '    api_key_env: LOCAL_KEY',
      '    models: { worker: qwen }',
      'agents:',
      '  critic:',
      '    role: prompts/role.yaml',
      '    model: smart',
      '    cli: opencode',
      'workspace:',
      '  repos:',
      '    api: { path: ../api }',
      'cli_agents:',
      '  aider:',
      '    command: aider',
      '    args: ["--message", "{{ prompt }}"]',
      '    output: { format: jsonl, text: result, session_id: sid, cost: usage.cost }',
    ].join('\n');
    const config = parseConfig(text, file, {}, () => true);
    expect(config).toEqual({
      backend: 'cli',
      backendSource: 'file',
      providers: {
        default: 'local',
        byName: {
          anthropic: { name: 'anthropic', type: 'anthropic', models: { smart: 'claude-x', worker: 'claude-sonnet-4-5', cheap: 'claude-haiku-4-5' }, apiKeyEnv: ['ANTHROPIC_API_KEY'] },
          local: { name: 'local', type: 'openai-compatible', models: { worker: 'qwen' }, apiKeyEnv: ['LOCAL_KEY'], baseUrl: 'http://127.0.0.1:8080/v1' },
        },
      },
      agents: { critic: { name: 'critic', role: '/project/prompts/role.yaml', model: 'smart', cli: 'opencode' } },
      workspace: { repos: { api: { name: 'api', path: '/api', branchPrefix: 'orchestra/', push: 'on_completion', remote: 'origin', primary: false } }, onConflict: 'fail' },
      agent: { passEnv: [], shellSandbox: 'none' },
      cliAgents: {
        aider: {
          command: 'aider',
          args: ['--message', '{{ prompt }}'],
          prompt_via: 'argument',
          output: { format: 'jsonl', text: 'result', session_id: 'sid', cost_usd: 'usage.cost' },
          env: {},
          pass_env: [],
          models: {},
          version_args: ['--version'],
        },
      },
      notifications: defaultNotifications(),
      people: noPeople,
      http: { corsOrigins: [] },
      dir: '/project',
    });
  });

  it.each([
    ['no key', {}, 'simulation'],
    ['anthropic key', { ANTHROPIC_API_KEY: 'sk-test' }, 'agent'],
    ['gemini key', { GEMINI_API_KEY: 'g' }, 'agent'],
    ['blank key', { OPENAI_API_KEY: '  ' }, 'simulation'],
  ])('the default backend with %s %j is %s', (_name, env, backend) => {
    expect(parseConfig('', file, env).backend).toBe(backend);
    expect(parseConfig('', file, env).backendSource).toBe('default');
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orchestra-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without a file applies the defaults and names no file', async () => {
    const loaded = await loadConfig({ startDir: dir, env: { ORCHESTRA_HOME: join(dir, 'home') } });
    expect(loaded.file).toBeUndefined();
    expect(loaded.config).toEqual({ backend: 'simulation', backendSource: 'default', providers: { byName: {} }, agents: {}, workspace: { repos: {}, onConflict: 'fail' }, agent: { passEnv: [], shellSandbox: 'none' }, cliAgents: {}, notifications: defaultNotifications(), people: noPeople, http: { corsOrigins: [] } });
  });

  it('reads the discovered file and checks layer files on disk', async () => {
    mkdirSync(join(dir, 'prompts'));
    writeFileSync(join(dir, 'prompts', 'role.yaml'), 'role:\n  system: hi\n');
    writeFileSync(join(dir, 'orchestra.yaml'), 'agents:\n  critic:\n    role: prompts/role.yaml\n');
    const loaded = await loadConfig({ startDir: dir, env: { ORCHESTRA_HOME: join(dir, 'home') } });
    expect(loaded.file).toBe(join(dir, 'orchestra.yaml'));
    expect(loaded.config.agents.critic?.role).toBe(join(dir, 'prompts', 'role.yaml'));
  });

  it('fails with E_CONFIG when an explicit file cannot be read', async () => {
    await expect(loadConfig({ startDir: dir, env: {}, file: join(dir, 'missing.yaml') })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: expect.stringMatching(/^cannot read the config file .*missing\.yaml: ENOENT/),
    });
  });
});

describe('the agent section', () => {
  it('reads pass_env and shell_sandbox', () => {
    const config = parseConfig('agent:\n  pass_env: [DATABASE_URL_TEST, "MY_*"]\n  shell_sandbox: bubblewrap\n', file, {}, noFiles);
    expect(config.agent).toEqual({ passEnv: ['DATABASE_URL_TEST', 'MY_*'], shellSandbox: 'bubblewrap' });
  });

  it.each([
    ['issue 8.4: a bad shell_sandbox', 'agent:\n  shell_sandbox: docker\n', '2:18', 'agent.shell_sandbox: "docker" is not allowed. Allowed: none, bubblewrap.'],
    ['a bad pass_env entry', 'agent:\n  pass_env: ["A-B"]\n', '2:14', 'agent.pass_env[0]: "A-B" must be an environment variable name, or a prefix ending in * (ANTHROPIC_*).'],
  ])('%s is an error at its line and column', (_name, text, position, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('E_CONFIG');
    expect(formatLocation(error.location!)).toBe(`${file}:${position}`);
    expect(error.message).toBe(message);
  });
});
