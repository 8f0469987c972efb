import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { openSqliteStore } from '../../src/store/index.js';
import { answeredFunction, geminiEnvironment } from '../support/gemini-env.js';
import { Endpoint, startFakeModelServer, type FakeModelServer, type StaticTurn } from '../support/fake-model-server/index.js';

// A pipeline node run by the real Gemini CLI (backend=cli, cli=gemini), as `orchestra run` runs it,
// with GOOGLE_GEMINI_BASE_URL pointed at the local fake model server. Orchestra writes Gemini's
// settings into the node's own directory: nothing of the user's HOME is read or written.
const binDir = resolve(import.meta.dirname, '../../node_modules/.bin');
const missing = !existsSync(join(binDir, 'gemini'));
if (missing) console.log(`skipped: the Gemini CLI is not installed (${join(binDir, 'gemini')}); npm ci installs it`);
const dirs: string[] = [];
let server: FakeModelServer | undefined;
afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});


describe.skipIf(missing)('issue 9: a pipeline node run by the real Gemini CLI', () => {
  it('gemini writes a file through a tool call; the node records its answer, outcome and session id', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'orchestra-gemini-node-'));
    dirs.push(root);
    const work = join(root, 'project');
    const home = join(root, 'user-home');
    mkdirSync(work);
    const target = join(work, 'hello.txt');
    server = await startFakeModelServer({
      fallback: (request): StaticTurn =>
        answeredFunction(request) === 'write_file' ? { text: 'Wrote hello.txt.' } : { text: 'Writing the file.', toolCalls: [{ name: 'write_file', input: { file_path: target, content: 'hello from gemini\n' } }] },
    });
    writeFileSync(join(work, 'orchestra.yaml'), 'backend: cli\n');
    writeFileSync(join(work, 'pipeline.dot'), 'digraph G {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  write [prompt="Create hello.txt", cli="gemini"]\n  start -> write -> exit\n}\n');
    const env = geminiEnvironment(server, home);
    const orchestraHome = join(root, 'orchestra-home');
    const result = await runCli(['run', 'pipeline.dot', '--auto-approve', '--quiet'], { cwd: work, home: orchestraHome, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('hello from gemini\n');

    // Without --model Gemini asks its router first (answered from the schema), then streams the work.
    const paths = server.requests.map((request) => `${request.path.replace(/models\/[^:]+/, 'models/M')}${request.stream ? '?stream' : ''}`);
    expect(paths).toEqual(['/v1beta/models/M:generateContent', '/v1beta/models/M:streamGenerateContent?stream', '/v1beta/models/M:streamGenerateContent?stream']);
    expect(server.requests.every((request) => request.endpoint === Endpoint.gemini && request.headers['x-goog-api-key'] === '<redacted>')).toBe(true);

    const store = await openSqliteStore(join(orchestraHome, 'orchestra.db'));
    try {
      const [run] = await store.listRuns();
      expect(run?.state).toBe('completed');
      const checkpoint = await store.latestCheckpoint(run!.id);
      expect(checkpoint?.context['agent.cli']).toBe('gemini');
      expect(checkpoint?.context['agent.session_id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(checkpoint?.context['agent.tool_uses']).toBe(1);
      expect(checkpoint?.nodeOutcomes.write?.status).toBe('success');
      const stage = join(run!.logsRoot, 'write');
      expect(readFileSync(join(stage, 'response.md'), 'utf8')).toContain('Wrote hello.txt.');
      // Gemini's settings went into the node's own directory, the user's HOME stays empty.
      const settings = JSON.parse(readFileSync(join(stage, 'gemini-home', '.gemini', 'settings.json'), 'utf8')) as { security: unknown; hooks?: unknown };
      expect(settings.security).toEqual({ auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: false } });
      expect(settings.hooks).toBeUndefined();
      const usage = JSON.parse(readFileSync(join(stage, 'usage.json'), 'utf8')) as { argv: string[] };
      expect(usage.argv.at(-1)).toBe('--prompt=<prompt>');
      expect(existsSync(join(home, '.gemini'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
