import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { openSqliteStore } from '../../src/store/index.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { agentBinDir, answersCodexToolCall, codexEnvironment, codexTestModel, offersCodexShell, processesWith } from '../support/real-agent-env.js';

// A pipeline node run by the real Codex CLI (`codex exec`, the built-in codex profile), as
// `orchestra run` runs it: Orchestra writes the run's own CODEX_HOME, whose provider points at the
// local fake model server (OPENAI_BASE_URL), and Codex writes a file through its exec_command tool.
const missing = !existsSync(join(agentBinDir, 'codex'));
if (missing) console.log(`codex-node.test.ts: skipped, ${join(agentBinDir, 'codex')} is missing (npm ci installs @openai/codex)`);
const dirs: string[] = [];
let server: FakeModelServer | undefined;
afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Plays the model: an exec_command writing hello.txt, then, given its output, the final answer. */
function writeThenAnswer(request: RecordedRequest): StaticTurn {
  if (!offersCodexShell(request)) return { text: 'ok' };
  if (answersCodexToolCall(request)) return { text: 'Wrote hello.txt.' };
  return { text: 'Writing the file.', toolCalls: [{ name: 'exec_command', input: { cmd: "printf 'hello from codex\\n' > hello.txt" } }] };
}

describe.skipIf(missing)('a pipeline node run by the real Codex CLI', () => {
  it('issue 9: codex writes a file in the node working directory through a tool call; the run records its outcome, answer and thread id', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'orchestra-codex-node-'));
    dirs.push(root);
    const work = join(root, 'project');
    mkdirSync(work);
    server = await startFakeModelServer({ fallback: writeThenAnswer });
    writeFileSync(join(work, 'orchestra.yaml'), 'backend: cli\n');
    writeFileSync(join(work, 'pipeline.dot'), `digraph X {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  write [prompt="Create hello.txt", cli="codex", llm_model="${codexTestModel}"]\n  start -> write -> exit\n}\n`);
    const env = { ...codexEnvironment(root, server), CODEX_MODEL: '' };
    const home = join(root, 'orchestra-home');
    const result = await runCli(['run', 'pipeline.dot', '--auto-approve', '--quiet'], { cwd: work, home, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, 'hello.txt'), 'utf8')).toBe('hello from codex\n');

    // Two model calls: the tool call, then the answer to its output; both named the node's model.
    const calls = server.requests.filter((request) => request.path === '/v1/responses');
    expect(calls.map((request) => [request.model, request.stream, answersCodexToolCall(request)])).toEqual([[codexTestModel, true, false], [codexTestModel, true, true]]);
    expect(calls[0]!.headers.authorization).toBe('<redacted>');

    const store = await openSqliteStore(join(home, 'orchestra.db'));
    try {
      const [run] = await store.listRuns();
      expect(run?.state).toBe('completed');
      const checkpoint = await store.latestCheckpoint(run!.id);
      expect(checkpoint?.context['agent.cli']).toBe('codex');
      expect(checkpoint?.context['agent.session_id']).toMatch(uuid);
      expect(checkpoint?.context['agent.tool_uses']).toBe(1);
      expect(readFileSync(join(run!.logsRoot, 'write', 'response.md'), 'utf8')).toContain('Wrote hello.txt.');
      expect(JSON.parse(readFileSync(join(run!.logsRoot, 'write', 'status.json'), 'utf8'))).toMatchObject({ outcome: 'success' });
      // Codex's config is the run's own, beside the stage dirs; the user's HOME got no ~/.codex.
      const codexHome = join(run!.logsRoot, 'codex-home');
      expect(readFileSync(join(codexHome, 'config.toml'), 'utf8')).toContain(`base_url = "${server.openaiBaseUrl}"`);
      expect(readdirSync(join(codexHome, 'sessions'), { recursive: true }).some((file) => String(file).includes(String(checkpoint?.context['agent.session_id'])))).toBe(true);
      expect(existsSync(join(root, 'codex-user-home', '.codex'))).toBe(false);
      // No Codex process (nor a background app-server) outlives the node.
      expect(processesWith(`CODEX_HOME=${codexHome}`, '')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
