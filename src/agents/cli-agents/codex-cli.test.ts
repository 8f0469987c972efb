import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../../../test/support/fake-model-server/index.js';
import { createCliBackend } from './cli-backend.js';
import { cliRequest, str, tempDir } from './cli-test-support.js';

// The real Codex CLI (`codex exec`, the built-in codex profile) from node_modules/.bin, pointed at
// the local fake model server through the CODEX_HOME Orchestra writes for the run (no network).
const bin = resolve('node_modules/.bin');
const missing = !existsSync(join(bin, 'codex'));
if (missing) console.log(`codex-cli.test.ts: skipped, ${join(bin, 'codex')} is missing (npm ci installs @openai/codex)`);

let server: FakeModelServer;
const dirs: string[] = [];
beforeEach(async () => {
  server = await startFakeModelServer({ fallback: play });
});
afterEach(async () => {
  await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const inputOf = (request: RecordedRequest): unknown[] => ((request.body as { input?: unknown[] } | undefined)?.input ?? []);
const lastItem = (request: RecordedRequest) => inputOf(request).at(-1) as { type?: string; role?: string; content?: { text?: string }[] } | undefined;

const patch = '*** Begin Patch\n*** Add File: patched.txt\n+patched by codex\n*** End Patch\n';

/**
 * Plays the model: "Write" gets an exec_command, "Patch" an apply_patch (a freeform tool call),
 * a tool's output the answer, "Are you there?" a reply.
 */
function play(request: RecordedRequest): StaticTurn {
  const last = lastItem(request);
  if (last?.type === 'function_call_output') return { text: 'Wrote hello.txt.' };
  if (last?.type === 'custom_tool_call_output') return { text: 'Patched.' };
  const prompt = (last?.content ?? []).map((part) => part.text ?? '').join('');
  if (prompt.includes('Are you there?')) return { text: 'Still here.' };
  if (prompt.includes('Patch')) return { toolCalls: [{ name: 'apply_patch', input: {}, freeform: patch }] };
  return { toolCalls: [{ name: 'exec_command', input: { cmd: 'printf "hello from codex" > hello.txt' } }] };
}

function isolatedEnv(home: string): Record<string, string> {
  return { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: home, OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_API_KEY: 'test', CODEX_HOME: join(home, 'not-this-one') };
}

describe.skipIf(missing)('Codex CLI', () => {
  it('issue 9: codex writes a file in the node working directory and reports its thread; a full thread resumes it in the run\'s CODEX_HOME', { timeout: 60_000 }, async () => {
    const home = tempDir('codex-home');
    const workDir = tempDir('codex-work');
    dirs.push(home, workDir);
    const backend = createCliBackend({ env: isolatedEnv(home) });
    const request = cliRequest(workDir, 'write', { cli: str('codex'), llm_model: str('fake-model') }, { fidelity: 'full', threadId: 'main', prompt: 'Write hello.txt' });

    const result = await backend.run(request);

    expect(result.outcome.failureReason).toBeUndefined();
    expect(result.outcome.status).toBe('success');
    expect(result.response).toBe('Wrote hello.txt.');
    expect(readFileSync(join(workDir, 'hello.txt'), 'utf8')).toBe('hello from codex');
    const updates = result.outcome.contextUpdates ?? {};
    expect(updates['agent.session_id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(updates).toMatchObject({ 'agent.cli': 'codex', 'agent.turns': 1, 'agent.tool_uses': 1 });
    // Orchestra's CODEX_HOME replaces the caller's: the config is the run's, beside the stage dirs.
    expect(readFileSync(join(workDir, 'logs', 'codex-home', 'config.toml'), 'utf8')).toContain(`[projects.${JSON.stringify(workDir)}]`);
    expect(existsSync(join(home, 'not-this-one'))).toBe(false);
    const usage = JSON.parse(readFileSync(join(request.stageDir, 'usage.json'), 'utf8')) as { argv: string[] };
    expect(usage.argv.slice(1)).toEqual(['exec', '--json', '--skip-git-repo-check', '--sandbox', 'workspace-write', '--model', 'fake-model', '--', '<prompt>']);

    const next = await backend.run(cliRequest(workDir, 'again', { cli: str('codex'), llm_model: str('fake-model') }, { fidelity: 'full', threadId: 'main', prompt: 'Are you there?' }));
    expect(next.response).toBe('Still here.');
    expect(next.outcome.contextUpdates?.['agent.session_id']).toBe(updates['agent.session_id']);
    expect(JSON.stringify(inputOf(server.requests.at(-1)!))).toContain('Write hello.txt');
  });

  // A model in Codex's own catalogue gets its file tool, apply_patch: a freeform (custom) tool whose
  // call and output the fake server's Responses stream carries (custom_tool_call / _output).
  it('issue 9: codex writes a file through its apply_patch tool (a custom_tool_call) for a catalogue model', { timeout: 60_000 }, async () => {
    const home = tempDir('codex-home');
    const workDir = tempDir('codex-work');
    dirs.push(home, workDir);
    const result = await createCliBackend({ env: isolatedEnv(home) }).run(cliRequest(workDir, 'patch', { cli: str('codex'), llm_model: str('gpt-5.5') }, { prompt: 'Patch in patched.txt' }));

    expect(result.outcome.failureReason).toBeUndefined();
    expect(result.response).toBe('Patched.');
    expect(readFileSync(join(workDir, 'patched.txt'), 'utf8')).toBe('patched by codex\n');
    const tools = ((server.requests[0]?.body as { tools?: { name?: string; type: string }[] }).tools ?? []).map((tool) => `${tool.name ?? ''}:${tool.type}`);
    expect(tools).toContain('apply_patch:custom');
    expect(server.requests.map((request) => lastItem(request)?.type)).toEqual(['message', 'custom_tool_call_output']);
  });
});
