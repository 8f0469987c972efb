import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';

// `orchestra run` as a user runs it, with orchestra.yaml pointing a provider at the local fake model
// server: the router applies the node's agent (prompt layers), picks the backend, and the answer
// becomes the node's outcome.
let server: FakeModelServer;
let dir: string;

beforeAll(async () => {
  server = await startFakeModelServer();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-backends-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function project(name: string, yaml: string, dot: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'prompts'), { recursive: true });
  writeFileSync(join(root, 'orchestra.yaml'), yaml);
  writeFileSync(join(root, 'prompts', 'role.yaml'), 'role:\n  name: reviewer\n  system: You are a meticulous reviewer of {{ topic }}.\n');
  writeFileSync(join(root, 'prompts', 'task.yaml'), 'task:\n  name: review\n  prompt: Review carefully.\n');
  writeFileSync(join(root, 'pipeline.dot'), dot);
  return root;
}

const cli = (root: string, ...args: string[]) =>
  runCli(['run', join(root, 'pipeline.dot'), '--auto-approve', '--json', ...args], { cwd: root, home: join(dir, 'home'), env: { ANTHROPIC_API_KEY: 'test-key', OPENAI_API_KEY: 'test-key', PATH: process.env.PATH ?? '' } });

describe('backends through orchestra.yaml', () => {
  it('direct: the agent layers become the system prompt, and a JSON outcome block routes the run', async () => {
    const root = project(
      'direct',
      `backend: direct\nproviders:\n  default: anthropic\n  anthropic:\n    base_url: ${server.anthropicBaseUrl}\n    models: { smart: claude-opus-4-6, worker: claude-sonnet-4-5, cheap: claude-haiku-4-5 }\nagents:\n  reviewer:\n    role: prompts/role.yaml\n    task: prompts/task.yaml\n    model: smart\n`,
      `digraph D {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  review [agent="reviewer", prompt="Look at PR {{ pr }}"]\n  fixit [prompt="Fix it"]\n  start -> review\n  review -> exit [condition="context.verdict=good"]\n  review -> fixit [condition="context.verdict=bad"]\n  fixit -> exit\n}\n`,
    );
    server.script([{ text: 'Looks fine.\n```json\n{"outcome": "success", "context_updates": {"verdict": "good"}}\n```' }]);
    const before = server.requests.length;
    const result = await cli(root, 'pr=42', 'topic=parsers');
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const request = server.requests.slice(before).find((r) => r.path.startsWith('/v1/messages'));
    const body = request?.body as { model: string; system?: unknown; messages: Array<{ content: unknown }> };
    expect(body.model).toBe('claude-opus-4-6');
    expect(JSON.stringify(body.system)).toContain('You are a meticulous reviewer of parsers.');
    expect(JSON.stringify(body.messages)).toContain('Review carefully.');
    expect(JSON.stringify(body.messages)).toContain('Look at PR 42');
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; node?: string });
    expect(events.some((event) => event.type === 'node.completed' && event.node === 'fixit')).toBe(false);
    expect(events.at(-1)).toMatchObject({ state: 'completed' });
  });

  it('agent: the tool loop writes a file in the working directory, with a turn event per model call', async () => {
    const root = project(
      'agent',
      `backend: agent\nproviders:\n  default: local\n  local:\n    type: openai-compatible\n    base_url: ${server.openaiBaseUrl}\n    api_key_env: OPENAI_API_KEY\n    models: { smart: fake-model, worker: fake-model, cheap: fake-model }\n`,
      `digraph A {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  write [prompt="Create notes.txt saying hello"]\n  start -> write -> exit\n}\n`,
    );
    server.script([{ toolCalls: [{ name: 'write_file', input: { path: 'notes.txt', content: 'hello' } }] }, { text: 'Created notes.txt.' }]);
    const result = await cli(root);
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('hello');
    const turns = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string }).filter((event) => event.type === 'agent.turn');
    expect(turns.length).toBe(2);
    expect(turns[0]).toMatchObject({ node: 'write', turn: 1, toolCalls: [{ name: 'write_file', isError: false }] });
  });

  it('a provider that rejects the key fails the node at once, naming the environment variable', async () => {
    const root = project(
      'auth',
      `backend: direct\nproviders:\n  default: anthropic\n  anthropic:\n    base_url: ${server.anthropicBaseUrl}\n`,
      `digraph E {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  ask [prompt="Hello"]\n  start -> ask -> exit\n}\n`,
    );
    server.script([{ error: { status: 401, message: 'invalid x-api-key' } }]);
    const result = await cli(root);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/ANTHROPIC_API_KEY/);
    expect(existsSync(join(root, 'notes.txt'))).toBe(false);
  });
});
