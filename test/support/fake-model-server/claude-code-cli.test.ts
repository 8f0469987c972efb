import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeModelServer } from './fake-model-server.js';
import type { FakeModelServer, RecordedRequest, StaticTurn } from './types.js';
import { tokensFor } from './usage.js';

const CLAUDE = fileURLToPath(new URL('../../../node_modules/.bin/claude', import.meta.url));
const missing = !existsSync(CLAUDE);

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runClaude(args: string[], cwd: string, env: Record<string, string>, deadlineMs: number): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(CLAUDE, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** True when the request's last user message carries a tool_result (Claude Code answering our tool_use). */
function answersToolUse(request: RecordedRequest): boolean {
  const messages = (request.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  const last = messages.at(-1);
  return Array.isArray(last?.content) && last.content.some((block) => (block as { type?: string }).type === 'tool_result');
}

function offersWrite(request: RecordedRequest): boolean {
  const tools = (request.body as { tools?: { name: string }[] } | undefined)?.tools ?? [];
  return tools.some((t) => t.name === 'Write');
}

let server: FakeModelServer | undefined;
let home: string | undefined;
afterEach(async () => {
  await server?.close();
  if (home !== undefined) rmSync(home, { recursive: true, force: true });
});

describe.skipIf(missing)('real Claude Code CLI against the fake server (skipped when node_modules/.bin/claude is missing)', () => {
  it('writes hello.txt through its Write tool and prints a parsable JSON result', { timeout: 60_000 }, async () => {
    home = mkdtempSync(join(tmpdir(), 'orchestra-claude-'));
    const work = join(home, 'work');
    mkdirSync(work);
    const target = join(work, 'hello.txt');
    // Claude Code may send side requests (titles, topic checks); only the main loop offers Write.
    const agent = (request: RecordedRequest): StaticTurn => {
      if (!offersWrite(request)) return { text: 'ok' };
      if (answersToolUse(request)) return { text: 'Wrote hello.txt' };
      return { text: 'Writing the file.', toolCalls: [{ name: 'Write', input: { file_path: target, content: 'hello from the fake\n' } }] };
    };
    server = await startFakeModelServer({ fallback: agent });
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      CLAUDE_CONFIG_DIR: join(home, 'claude-config'),
      ANTHROPIC_BASE_URL: server.url,
      ANTHROPIC_API_KEY: 'test-key-for-the-fake-server',
      DISABLE_TELEMETRY: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_ERROR_REPORTING: '1',
    };
    const args = ['-p', 'write hello.txt', '--output-format', 'json', '--allowedTools', 'Write', '--model', 'claude-fake'];
    const run = await runClaude(args, work, env, 55_000);

    expect(run.code, `claude exited ${String(run.code)}; stderr: ${run.stderr}`).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('hello from the fake\n');
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ type: 'result', is_error: false, result: 'Wrote hello.txt' });
    expect(result['session_id']).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(result['total_cost_usd']).toBeGreaterThan(0);
    const main = server.requests.filter((r) => r.path === '/v1/messages' && offersWrite(r));
    expect(main.map((r) => r.stream)).toEqual([true, true]);
    // The fake's usage is deterministic, so the CLI's own totals can be checked exactly.
    const inputTokens = main.reduce((sum, r) => sum + tokensFor(r.bodyLength), 0);
    expect(result['usage']).toMatchObject({ input_tokens: inputTokens, output_tokens: expect.any(Number) as number });
    expect(main[0]!.headers['x-api-key']).toBe('<redacted>');
  });
});
