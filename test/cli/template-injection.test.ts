import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';
import { assertBuilt, spawnCli } from './helpers/spawn-cli.js';

// Issue 8.1: text that came from a model, a tool or a run variable is data. Each route carries a
// Nunjucks sandbox escape that would create a file if it were ever rendered as template source;
// the file must not exist and the next prompt must hold the payload exactly as it was sent.
let server: FakeModelServer;
let dir: string;

beforeAll(async () => {
  assertBuilt();
  server = await startFakeModelServer();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-injection-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A template payload that touches `marker` when Nunjucks renders it. */
const payload = (marker: string) => `{{ range.constructor("return process.getBuiltinModule('child_process').execSync('touch ${marker}')")() }}`;

function project(name: string, dot: string): { root: string; marker: string } {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  const yaml = `backend: direct\nproviders:\n  default: anthropic\n  anthropic:\n    base_url: ${server.anthropicBaseUrl}\n`;
  writeFileSync(join(root, 'orchestra.yaml'), yaml);
  writeFileSync(join(root, 'pipeline.dot'), dot);
  return { root, marker: join(root, 'pwned') };
}

async function run(root: string, ...args: string[]) {
  const cli = spawnCli(['run', join(root, 'pipeline.dot'), '--auto-approve', '--logs', join(root, 'logs'), ...args], {
    cwd: root,
    home: join(dir, 'home'),
    env: { ANTHROPIC_API_KEY: 'test-key' },
  });
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

const promptOf = (root: string, node: string) => readFileSync(join(root, 'logs', node, 'prompt.md'), 'utf8');
const requestsSince = (before: number) => JSON.stringify(server.requests.slice(before).map((request) => request.body));

describe('issue 8.1: values are never template source', () => {
  it('issue 8.1: a model answer reaches the next prompt literally through ${context.last_response}', async () => {
    const { root, marker } = project('answer', 'digraph A {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  ask [prompt="Say something"]\n  next [prompt="You said: ${context.last_response} {% if goal %}{% endif %}"]\n  start -> ask -> next -> exit\n}\n');
    const text = payload(marker);
    server.script([{ text }, { text: 'Done.' }]);
    const before = server.requests.length;
    const result = await run(root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(promptOf(root, 'next')).toContain(`You said: ${text}`);
    expect(requestsSince(before)).toContain(JSON.stringify(`You said: ${text}`).slice(1, -1));
  });

  it('issue 8.1: a tool output reaches the next prompt literally through ${context.tool.output}', async () => {
    const { root, marker } = project('tool', 'digraph T {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  emit [shape=parallelogram, tool_command="cat payload.txt"]\n  next [prompt="Tool said: ${context.tool.output}"]\n  start -> emit -> next -> exit\n}\n');
    const text = payload(marker);
    writeFileSync(join(root, 'payload.txt'), text);
    server.script([{ text: 'Done.' }]);
    const result = await run(root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(promptOf(root, 'next')).toContain(`Tool said: ${text}`);
  });

  it('issue 8.1: a run variable reaches the prompt literally through $title and a $goal that uses it', async () => {
    const { root, marker } = project('variable', 'digraph V {\n  goal="Review $title"\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  next [prompt="Title: $title. Goal: $goal. {{ title }}"]\n  start -> next -> exit\n}\n');
    const text = payload(marker);
    server.script([{ text: 'Done.' }]);
    const result = await run(root, `title=${text}`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(promptOf(root, 'next')).toBe(`Title: ${text}. Goal: Review ${text}. ${text}`);
  });
});
