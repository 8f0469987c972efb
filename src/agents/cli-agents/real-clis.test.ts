import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../../../test/support/fake-model-server/index.js';
import { createCliBackend } from './cli-backend.js';
import { cliRequest, str, tempDir } from './cli-test-support.js';

// The real CLIs from node_modules/.bin, pointed at the local fake model server (no network).
const bin = resolve('node_modules/.bin');
const hasClaude = existsSync(join(bin, 'claude'));
const hasOpencode = existsSync(join(bin, 'opencode'));
const realCliTimeout = 90_000;

let server: FakeModelServer;
beforeEach(async () => {
  server = await startFakeModelServer();
});
afterEach(async () => {
  await server.close();
});

function isolatedEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_CACHE_HOME: join(home, '.cache'), XDG_STATE_HOME: join(home, '.local/state'),
    ...extra,
  };
}

function lastUserText(request: RecordedRequest): string {
  return JSON.stringify((request.body as { messages?: unknown[] } | undefined)?.messages ?? []);
}

describe.skipIf(!hasClaude)('Claude Code CLI', () => {
  it('writes a file in the node working directory and reports cost and session id; a full thread resumes the session', async () => {
    const home = tempDir('claude-home');
    const workDir = tempDir('claude-work');
    const env = isolatedEnv(home, {
      CLAUDE_CONFIG_DIR: join(home, '.claude'), ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'test',
      DISABLE_TELEMETRY: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', DISABLE_ERROR_REPORTING: '1',
    });
    server.script([{ toolCalls: [{ name: 'Write', input: { file_path: join(workDir, 'hello.txt'), content: 'hello from claude' } }] }, { text: 'Wrote hello.txt.' }, { text: 'Still here.' }]);
    const backend = createCliBackend({ env });
    const request = cliRequest(workDir, 'write', { llm_model: str('fake-model') }, { fidelity: 'full', threadId: 'main', prompt: 'Write hello.txt' });

    const result = await backend.run(request);

    expect(result.outcome.status).toBe('success');
    expect(result.response).toBe('Wrote hello.txt.');
    expect(readFileSync(join(workDir, 'hello.txt'), 'utf8')).toBe('hello from claude');
    const updates = result.outcome.contextUpdates ?? {};
    expect(updates['agent.session_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(updates['agent.cost_usd']).toBeGreaterThan(0);
    expect(updates).toMatchObject({ 'agent.cli': 'claude-code', 'agent.turns': 2, 'agent.tool_uses': 1 });
    const usage = JSON.parse(readFileSync(join(request.stageDir, 'usage.json'), 'utf8')) as Record<string, unknown>;
    expect(usage).toMatchObject({ sessionId: updates['agent.session_id'], costUsd: updates['agent.cost_usd'], toolNames: ['Write'], resumed: false });
    expect(readFileSync(join(request.stageDir, 'agent.log'), 'utf8')).toContain('"type":"result"');

    const next = await backend.run(cliRequest(workDir, 'again', {}, { fidelity: 'full', threadId: 'main', prompt: 'Are you there?' }));
    expect(next.response).toBe('Still here.');
    expect(next.outcome.contextUpdates?.['agent.session_id']).toBe(updates['agent.session_id']);
    expect(lastUserText(server.requests.at(-1)!)).toContain('Write hello.txt');
  }, realCliTimeout);
});

describe.skipIf(!hasOpencode)('Opencode CLI', () => {
  it('writes a file in the node working directory and reports the session id', async () => {
    const home = tempDir('opencode-home');
    const workDir = tempDir('opencode-work');
    const config = {
      autoupdate: false, share: 'disabled', model: 'fake/fake-model', small_model: 'fake/fake-model',
      provider: { fake: { npm: '@ai-sdk/openai-compatible', name: 'Fake', options: { baseURL: server.openaiBaseUrl, apiKey: 'test' }, models: { 'fake-model': { name: 'Fake', tool_call: true } } } },
      permission: { edit: 'allow', bash: 'allow' },
    };
    // Opencode asks its small model for a session title alongside the real work, in either order.
    const mainTurns: StaticTurn[] = [{ toolCalls: [{ name: 'write', input: { filePath: join(workDir, 'hello.txt'), content: 'hello from opencode' } }] }, { text: 'Wrote hello.txt.' }];
    const answer = (request: RecordedRequest): StaticTurn => (JSON.stringify(request.body).includes('title generator') ? { text: 'Hello file' } : (mainTurns.shift() ?? { text: 'Done.' }));
    server.script([answer, answer, answer, answer]);
    const backend = createCliBackend({ env: isolatedEnv(home, { OPENCODE_CONFIG_CONTENT: JSON.stringify(config) }) });
    const request = cliRequest(workDir, 'write', { cli: str('opencode') }, { prompt: 'Write hello.txt' });

    const result = await backend.run(request);

    expect(result.outcome.failureReason).toBeUndefined();
    expect(result.response).toBe('Wrote hello.txt.');
    expect(readFileSync(join(workDir, 'hello.txt'), 'utf8')).toBe('hello from opencode');
    expect(result.outcome.contextUpdates?.['agent.session_id']).toMatch(/^ses_/);
    expect(result.outcome.contextUpdates).toMatchObject({ 'agent.cli': 'opencode', 'agent.tool_uses': 1 });
  }, realCliTimeout);
});
