import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { fakeOpencodeConfig } from '../support/real-agent-env.js';

// A pipeline node run by the real Opencode CLI (backend=cli, cli=opencode), as `orchestra run` runs
// it, with Opencode's provider base URL pointed at the local fake model server through its config.
const binDir = resolve(import.meta.dirname, '../../node_modules/.bin');
const missing = !existsSync(join(binDir, 'opencode'));
const dirs: string[] = [];
let server: FakeModelServer | undefined;
afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing)('a pipeline node run by the real Opencode CLI', () => {
  it('writes a file in the node working directory; the run records its session id', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'orchestra-opencode-node-'));
    dirs.push(root);
    const work = join(root, 'project');
    mkdirSync(work);
    const target = join(work, 'hello.txt');
    const mainTurns: StaticTurn[] = [{ toolCalls: [{ name: 'write', input: { filePath: target, content: 'hello from opencode' } }] }, { text: 'Wrote hello.txt.' }];
    // Opencode asks its small model for a session title beside the real work, in either order.
    const answer = (request: RecordedRequest): StaticTurn => (JSON.stringify(request.body).includes('title generator') ? { text: 'Hello file' } : (mainTurns.shift() ?? { text: 'Done.' }));
    server = await startFakeModelServer({ fallback: answer });
    const opencodeConfig = fakeOpencodeConfig(server);
    writeFileSync(join(work, 'orchestra.yaml'), 'backend: cli\n');
    writeFileSync(join(work, 'pipeline.dot'), 'digraph O {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  write [prompt="Create hello.txt", cli="opencode"]\n  start -> write -> exit\n}\n');
    const env = {
      PATH: `${binDir}:${process.env.PATH ?? ''}`,
      HOME: root,
      XDG_CONFIG_HOME: join(root, '.config'),
      XDG_DATA_HOME: join(root, '.local/share'),
      XDG_CACHE_HOME: join(root, '.cache'),
      XDG_STATE_HOME: join(root, '.local/state'),
      OPENCODE_CONFIG_CONTENT: JSON.stringify(opencodeConfig),
    };
    const home = join(root, 'orchestra-home');
    const result = await runCli(['run', 'pipeline.dot', '--auto-approve', '--quiet'], { cwd: work, home, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('hello from opencode');

    const store = await openSqliteStore(join(home, 'orchestra.db'));
    try {
      const [run] = await store.listRuns();
      const checkpoint = await store.latestCheckpoint(run!.id);
      expect(checkpoint?.context['agent.session_id']).toMatch(/^ses_/);
      expect(checkpoint?.context['agent.cli']).toBe('opencode');
    } finally {
      await store.close();
    }
  });
});
