import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { reportFromHook } from './agent-report.js';
import { ClaudeHookEvents, claudeHookSettings, shellQuote } from './claude-hooks.js';
import { eventually } from './cli-test-support.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "orchestra hooks 'quoted' "));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A hook command that appends its standard input, one line per event, to `log`. */
function recordingHook(log: string): string[] {
  const script = join(dir, "record hook's input.mjs");
  writeFileSync(script, `import { appendFileSync } from 'node:fs';\nlet text = '';\nprocess.stdin.on('data', (chunk) => (text += chunk));\nprocess.stdin.on('end', () => appendFileSync(process.argv[2], text.replace(/\\n/g, ' ') + '\\n'));\n`);
  return [process.execPath, script, log];
}

function runShell(command: string, stdin: string): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', done);
    child.stdin.end(stdin);
  });
}

type Settings = { hooks: Record<string, { hooks: { type: string; command: string; timeout: number }[] }[]> };

describe('claudeHookSettings', () => {
  it('is JSON with one command hook for each event', () => {
    const settings = JSON.parse(claudeHookSettings(['/usr/bin/node', '/opt/orchestra.js', 'hook', 'claude'])) as Settings;
    expect(Object.keys(settings.hooks)).toEqual([...ClaudeHookEvents]);
    for (const entries of Object.values(settings.hooks)) {
      expect(entries).toEqual([{ hooks: [{ type: 'command', command: "'/usr/bin/node' '/opt/orchestra.js' 'hook' 'claude'", timeout: 10 }] }]);
    }
  });

  it('issue 12: with approvals, PermissionRequest runs the command with --approve and waits up to 290 s; the other events are as without', () => {
    const command = ['/usr/bin/node', '/opt/orchestra.js', 'hook', 'claude'];
    const plain = JSON.parse(claudeHookSettings(command)) as Settings;
    const approving = JSON.parse(claudeHookSettings(command, { approvals: true })) as Settings;
    expect(Object.keys(approving.hooks)).toEqual([...ClaudeHookEvents]);
    expect(approving.hooks.PermissionRequest).toEqual([{ hooks: [{ type: 'command', command: "'/usr/bin/node' '/opt/orchestra.js' 'hook' 'claude' '--approve'", timeout: 290 }] }]);
    expect({ ...approving.hooks, PermissionRequest: undefined }).toEqual({ ...plain.hooks, PermissionRequest: undefined });
    expect(JSON.parse(claudeHookSettings(command, { approvals: false }))).toEqual(plain);
  });

  it('quotes each argument so that /bin/sh runs it as written, stdin included', async () => {
    const log = join(dir, "events $HOME `x` 'log'.txt");
    const settings = JSON.parse(claudeHookSettings(recordingHook(log))) as Settings;
    const command = settings.hooks.Stop?.[0]?.hooks[0]?.command ?? '';
    expect(await runShell(command, '{"hook_event_name":"Stop","session_id":"s1"}')).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('{"hook_event_name":"Stop","session_id":"s1"}\n');
  });

  it.each<[string, string]>([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
    ['a b;$(rm -rf /)', "'a b;$(rm -rf /)'"],
  ])('shellQuote(%j) = %s', (argument, quoted) => {
    expect(shellQuote(argument)).toBe(quoted);
  });
});

// The real CLI in print mode (hooks fire there as in the TUI), against the local fake model server.
const bin = resolve('node_modules/.bin');
describe.skipIf(!existsSync(join(bin, 'claude')))('Claude Code runs the hooks', () => {
  let server: FakeModelServer;
  beforeEach(async () => {
    server = await startFakeModelServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('reports working on the prompt and each tool use, then idle, with the session id', { timeout: 90_000 }, async () => {
    const work = join(dir, 'work');
    mkdirSync(work);
    const log = join(dir, 'events.log');
    server.script([{ toolCalls: [{ name: 'Write', input: { file_path: join(work, 'a.txt'), content: 'a' } }] }, { text: 'Wrote a.txt.' }]);
    const sessionId = '5f0c6d2a-0b1e-4c3a-9d7e-1a2b3c4d5e6f';
    const env = {
      PATH: process.env.PATH ?? '', HOME: dir, CLAUDE_CONFIG_DIR: join(dir, '.claude'), ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'test',
      DISABLE_TELEMETRY: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', DISABLE_ERROR_REPORTING: '1',
    };
    const args = ['--settings', claudeHookSettings(recordingHook(log)), '--permission-mode', 'acceptEdits', '--session-id', sessionId, '--model', 'fake-model', '-p', '--', 'Write a.txt'];
    const exit = await new Promise<number | null>((done, fail) => {
      const child = spawn(join(bin, 'claude'), args, { cwd: work, env, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('error', fail);
      child.on('close', done);
    });
    expect(exit).toBe(0);
    const reports = await eventually(() => {
      const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
      const parsed = lines.map((line) => JSON.parse(line) as { hook_event_name: string });
      return parsed.some((event) => event.hook_event_name === 'SessionEnd') ? parsed : undefined;
    }, 20_000, 'the SessionEnd hook');
    const events = reports.map((event) => event.hook_event_name);
    expect(events).toEqual(expect.arrayContaining(['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Stop', 'SessionEnd']));
    expect(events.indexOf('PreToolUse')).toBeLessThan(events.indexOf('Stop'));
    const activities = reports.map((event) => reportFromHook('claude', event));
    expect(activities.every((report) => report.sessionId === sessionId)).toBe(true);
    expect(activities.find((_report, index) => events[index] === 'Stop')?.activity).toBe('idle');
    expect(activities.find((_report, index) => events[index] === 'PreToolUse')?.activity).toBe('working');
  });
});
