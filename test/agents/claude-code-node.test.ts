import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';

// A pipeline node run by the real Claude Code CLI (backend=cli), as `orchestra run` runs it, with
// ANTHROPIC_BASE_URL pointed at the local fake model server.
const binDir = resolve(import.meta.dirname, '../../node_modules/.bin');
const missing = !existsSync(join(binDir, 'claude'));
const dirs: string[] = [];
let server: FakeModelServer | undefined;
afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const lastMessageHasToolResult = (request: RecordedRequest) => {
  const last = ((request.body as { messages?: Array<{ content: unknown }> })?.messages ?? []).at(-1);
  return Array.isArray(last?.content) && last.content.some((block) => (block as { type?: string }).type === 'tool_result');
};
const offersWrite = (request: RecordedRequest) => ((request.body as { tools?: Array<{ name: string }> })?.tools ?? []).some((tool) => tool.name === 'Write');

describe.skipIf(missing)('a pipeline node run by the real Claude Code CLI', () => {
  it('writes a file in the node working directory; the run records its cost and session id', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'orchestra-claude-node-'));
    dirs.push(root);
    const work = join(root, 'project');
    mkdirSync(work);
    const target = join(work, 'hello.txt');
    server = await startFakeModelServer({
      fallback: (request): StaticTurn => {
        if (!offersWrite(request)) return { text: 'ok' };
        if (lastMessageHasToolResult(request)) return { text: 'Wrote hello.txt' };
        return { text: 'Writing the file.', toolCalls: [{ name: 'Write', input: { file_path: target, content: 'hello from a pipeline\n' } }] };
      },
    });
    writeFileSync(join(work, 'orchestra.yaml'), 'backend: cli\n');
    writeFileSync(join(work, 'pipeline.dot'), 'digraph C {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  write [prompt="Create hello.txt", cli="claude-code"]\n  start -> write -> exit\n}\n');
    const env = {
      PATH: `${binDir}:${process.env.PATH ?? ''}`,
      HOME: root,
      CLAUDE_CONFIG_DIR: join(root, 'claude-config'),
      ANTHROPIC_BASE_URL: server.url,
      ANTHROPIC_API_KEY: 'test-key-for-the-fake-server',
      DISABLE_TELEMETRY: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_ERROR_REPORTING: '1',
    };
    const home = join(root, 'orchestra-home');
    const result = await runCli(['run', 'pipeline.dot', '--auto-approve', '--quiet'], { cwd: work, home, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('hello from a pipeline\n');

    const store = await openSqliteStore(join(home, 'orchestra.db'));
    try {
      const [run] = await store.listRuns();
      const checkpoint = await store.latestCheckpoint(run!.id);
      expect(checkpoint?.context['agent.session_id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(checkpoint?.context['agent.cost_usd']).toBeGreaterThan(0);
      expect(existsSync(join(run!.logsRoot, 'write', 'agent.log'))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
