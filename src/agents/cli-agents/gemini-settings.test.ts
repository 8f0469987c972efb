import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { reportFromHook, type AgentReport } from './agent-report.js';
import { builtInCliProfiles } from './built-in-profiles.js';
import { eventually } from './cli-test-support.js';
import { GeminiHookEvents, geminiSettings, prepareGeminiHome } from './gemini-settings.js';
import { interactiveLaunch } from './interactive-launch.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "orchestra gemini 'quoted' "));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hookCommand = ['/usr/bin/node', '/opt/orchestra/bin/orchestra.js', 'hook'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type Settings = { hooks?: Record<string, { matcher: string; hooks: { type: string; command: string; timeout: number }[] }[]> };
const readSettings = (home: string) => JSON.parse(readFileSync(join(home, '.gemini', 'settings.json'), 'utf8')) as Settings & Record<string, unknown>;

describe('issue 9: Gemini CLI settings written per session', () => {
  it('pin API-key auth and turn off the trust dialog, telemetry, usage statistics and updates', () => {
    expect(geminiSettings()).toEqual({
      security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: false } },
      privacy: { usageStatisticsEnabled: false },
      telemetry: { enabled: false },
      general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
    });
  });

  it('with a hook command: one quoted command hook on each event, a timeout in milliseconds', () => {
    const { hooks } = geminiSettings([...hookCommand, 'gemini']) as Settings;
    expect(Object.keys(hooks ?? {})).toEqual([...GeminiHookEvents]);
    for (const entries of Object.values(hooks ?? {})) {
      expect(entries).toEqual([{ matcher: '*', hooks: [{ type: 'command', command: "'/usr/bin/node' '/opt/orchestra/bin/orchestra.js' 'hook' 'gemini'", timeout: 10_000 }] }]);
    }
    expect(() => geminiSettings([])).toThrow(expect.objectContaining({ code: 'E_USAGE' }) as Error);
  });

  it('prepareGeminiHome writes a private settings.json and points GEMINI_CLI_HOME at its home', async () => {
    const home = join(dir, 'session', 'gemini-home');
    expect(await prepareGeminiHome(home)).toEqual({ GEMINI_CLI_HOME: home });
    expect(readSettings(home)).toEqual(geminiSettings());
    expect(statSync(join(home, '.gemini')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.gemini', 'settings.json')).mode & 0o077).toBe(0);
  });

  it('a task launch: an assigned session id, the prompt as --prompt-interactive=, the hooks in its own home', async () => {
    const gemini = builtInCliProfiles().gemini!;
    const launch = await interactiveLaunch(gemini, { prompt: '-fix the tests', model: 'gemini-x', resume: false, hookCommand, stateDir: dir });
    expect(launch.sessionId).toMatch(uuid);
    expect(launch.command).toBe('gemini');
    expect(launch.args).toEqual(['--approval-mode', 'auto_edit', `--session-id=${launch.sessionId}`, '--model=gemini-x', '--prompt-interactive=-fix the tests']);
    expect(launch.env).toEqual({ GEMINI_CLI_NO_RELAUNCH: 'true', GEMINI_CLI_HOME: join(dir, 'gemini-home') });
    expect(readSettings(join(dir, 'gemini-home')).hooks?.AfterAgent?.[0]?.hooks[0]?.command).toBe("'/usr/bin/node' '/opt/orchestra/bin/orchestra.js' 'hook' 'gemini'");

    const resumed = await interactiveLaunch(gemini, { prompt: 'ignored', resume: true, sessionId: launch.sessionId, hookCommand, stateDir: dir });
    expect(resumed.args).toEqual(['--approval-mode', 'auto_edit', `--resume=${launch.sessionId}`]);
    expect(resumed.sessionId).toBe(launch.sessionId);
  });
});

const sid = 'a76ca2b3-6978-4531-b32e-62ef7b013387';
const gemini = (hook_event_name: string, extra: Record<string, unknown> = {}) => ({ session_id: sid, transcript_path: '/t.json', cwd: '/w', timestamp: '2026-12-07T00:00:00Z', hook_event_name, ...extra });

describe('issue 9: reportFromHook for Gemini CLI hooks', () => {
  it.each<[string, unknown, AgentReport]>([
    ['SessionStart on startup: only the id (the prompt follows)', gemini('SessionStart', { source: 'startup' }), { sessionId: sid }],
    ['SessionStart on resume: idle, waiting for the user', gemini('SessionStart', { source: 'resume' }), { activity: 'idle', sessionId: sid }],
    ['BeforeAgent', gemini('BeforeAgent', { prompt: 'hi' }), { activity: 'working', sessionId: sid }],
    ['BeforeTool', gemini('BeforeTool', { tool_name: 'write_file' }), { activity: 'working', sessionId: sid }],
    ['AfterTool', gemini('AfterTool', { tool_name: 'write_file' }), { activity: 'working', sessionId: sid }],
    ['AfterAgent: the turn is over', gemini('AfterAgent', { prompt_response: 'Done.' }), { activity: 'idle', sessionId: sid }],
    ['Notification ToolPermission: needs input', gemini('Notification', { notification_type: 'ToolPermission', message: 'Allow?' }), { activity: 'waiting', sessionId: sid }],
    ['Notification of another type', gemini('Notification', { notification_type: 'Other' }), { sessionId: sid }],
    ['SessionEnd', gemini('SessionEnd', { reason: 'exit' }), { activity: 'exited', sessionId: sid }],
    ['an event of a newer version', gemini('BeforeModel'), { sessionId: sid }],
    ['not an object', 'garbage', {}],
  ])('%s', (_name, payload, expected) => {
    expect(reportFromHook('gemini', payload)).toEqual(expected);
  });
});

/** A hook command that appends its standard input, one line per event, to `log`. */
function recordingHook(log: string): string[] {
  const script = join(dir, "record hook's input.mjs");
  writeFileSync(script, `import { appendFileSync } from 'node:fs';\nlet text = '';\nprocess.stdin.on('data', (chunk) => (text += chunk));\nprocess.stdin.on('end', () => appendFileSync(process.argv[2], text.replace(/\\n/g, ' ') + '\\n'));\n`);
  return [process.execPath, script, log];
}

// The real CLI in prompt mode (hooks fire there as in the TUI), against the local fake model server.
const bin = resolve('node_modules/.bin');
const missing = !existsSync(join(bin, 'gemini'));
if (missing) console.log(`skipped: the Gemini CLI is not installed (${join(bin, 'gemini')}); npm ci installs it`);
describe.skipIf(missing)('issue 9: the real Gemini CLI runs the hooks from the settings Orchestra writes', () => {
  let server: FakeModelServer;
  beforeEach(async () => {
    server = await startFakeModelServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('gemini reports working on the prompt and each tool use, then idle, with the session id it was given; --resume=ID continues that session', { timeout: 60_000 }, async () => {
    const work = join(dir, 'work');
    mkdirSync(work);
    const log = join(dir, 'events.log');
    server.script([{ toolCalls: [{ name: 'write_file', input: { file_path: join(work, 'a.txt'), content: 'a' } }] }, { text: 'Wrote a.txt.' }]);
    const sessionId = '5f0c6d2a-0b1e-4c3a-9d7e-1a2b3c4d5e6f';
    const geminiHome = await prepareGeminiHome(join(dir, 'gemini-home'), recordingHook(log));
    const env = { PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), GEMINI_API_KEY: 'test', GOOGLE_GEMINI_BASE_URL: server.url, ...geminiHome };
    const args = ['--approval-mode', 'auto_edit', `--session-id=${sessionId}`, '--model=fake-model', '--prompt=Write a.txt'];
    const exit = await new Promise<number | null>((done, fail) => {
      const child = spawn(join(bin, 'gemini'), args, { cwd: work, env, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('error', fail);
      child.on('close', done);
    });
    expect(exit).toBe(0);
    expect(readFileSync(join(work, 'a.txt'), 'utf8')).toBe('a');
    const reports = await eventually(() => {
      const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
      const parsed = lines.map((line) => JSON.parse(line) as { hook_event_name: string });
      return parsed.some((event) => event.hook_event_name === 'SessionEnd') ? parsed : undefined;
    }, 20_000, 'the SessionEnd hook');
    const events = reports.map((event) => event.hook_event_name);
    expect(events).toEqual(expect.arrayContaining(['SessionStart', 'BeforeAgent', 'BeforeTool', 'AfterTool', 'AfterAgent', 'SessionEnd']));
    expect(events.indexOf('BeforeTool')).toBeLessThan(events.lastIndexOf('AfterAgent'));
    const activities = reports.map((event) => reportFromHook('gemini', event));
    expect(activities.every((report) => report.sessionId === sessionId)).toBe(true);
    expect(activities[events.lastIndexOf('AfterAgent')]?.activity).toBe('idle');
    expect(activities[events.indexOf('BeforeTool')]?.activity).toBe('working');
    expect(existsSync(join(dir, 'home', '.gemini'))).toBe(false);

    // The session was kept in the settings home: --resume=ID continues it, the model sees the first prompt again.
    server.script([{ text: 'Second answer.' }]);
    const before = server.requests.length;
    const resumeArgs = ['--approval-mode', 'auto_edit', `--resume=${sessionId}`, '--model=fake-model', '--prompt=second request'];
    const again = await new Promise<number | null>((done, fail) => {
      const child = spawn(join(bin, 'gemini'), resumeArgs, { cwd: work, env, stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('error', fail);
      child.on('close', done);
    });
    expect(again).toBe(0);
    const history = JSON.stringify(server.requests.slice(before).map((request) => request.body));
    expect(history).toContain('second request');
    expect(history).toContain('Write a.txt');
    const starts = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { hook_event_name: string; source?: string }).filter((event) => event.hook_event_name === 'SessionStart');
    expect(starts.map((event) => event.source)).toEqual(['startup', 'resume']);
  });
});
