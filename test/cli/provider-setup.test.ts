import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';
import { assertBuilt, spawnCli } from './helpers/spawn-cli.js';

// `orchestra run` as a process, so that anything the AI SDK writes to the real stderr would show.
let server: FakeModelServer;
let dir: string;
beforeAll(async () => {
  assertBuilt();
  server = await startFakeModelServer({ fallback: { text: 'Done.' } });
  dir = mkdtempSync(join(tmpdir(), 'orchestra-provider-setup-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('issue 9: provider setup as a user writes it', () => {
  it('issue 9: a base_url without /v1 works, and AI SDK warnings go to the run\'s events, not stderr', async () => {
    const root = join(dir, 'warn');
    mkdirSync(root);
    // An unknown Anthropic model makes the SDK warn that maxOutputTokens runs in a compatibility mode.
    writeFileSync(join(root, 'orchestra.yaml'), `backend: direct\nproviders:\n  default: anthropic\n  anthropic:\n    base_url: ${server.url}\n`);
    writeFileSync(join(root, 'pipeline.dot'), 'digraph W {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  ask [prompt="Hello", llm_model="model-the-sdk-does-not-know"]\n  start -> ask -> exit\n}\n');
    const cli = spawnCli(['run', join(root, 'pipeline.dot'), '--auto-approve', '--json'], { cwd: root, home: join(dir, 'home'), env: { ANTHROPIC_API_KEY: 'test-key' } });
    const { code } = await cli.exited;
    expect(cli.stderr()).toBe('');
    expect(code).toBe(0);
    const events = cli.stdout().trim().split('\n').map((line) => JSON.parse(line) as { type: string; level?: string; node?: string; message?: string });
    const warning = events.find((event) => event.type === 'log' && event.message?.startsWith('AI SDK warning'));
    expect(warning).toMatchObject({ level: 'info', node: 'ask' });
    expect(warning?.message).toContain('maxOutputTokens');
  });
});
