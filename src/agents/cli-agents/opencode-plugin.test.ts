import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../../../test/support/fake-model-server/index.js';
import { reportFromHook } from './agent-report.js';
import { builtInCliProfiles } from './built-in-profiles.js';
import { eventually } from './cli-test-support.js';
import { interactiveLaunch } from './interactive-launch.js';
import { opencodePluginSource, withOpencodePlugin } from './opencode-plugin.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-opencode-plugin-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('withOpencodePlugin', () => {
  it.each<[string, string | undefined, unknown]>([
    ['no config yet', undefined, { plugin: ['file:///p.js'] }],
    ['an empty value', '  ', { plugin: ['file:///p.js'] }],
    ['a config without plugins keeps its keys', '{"model":"fake/m","provider":{"fake":{}}}', { model: 'fake/m', provider: { fake: {} }, plugin: ['file:///p.js'] }],
    ['plugins of the user come first', '{"plugin":["their-plugin"]}', { plugin: ['their-plugin', 'file:///p.js'] }],
    ['the same plugin is listed once', '{"plugin":["file:///p.js"]}', { plugin: ['file:///p.js'] }],
  ])('%s', (_name, content, expected) => {
    expect(JSON.parse(withOpencodePlugin(content, 'file:///p.js'))).toEqual(expected);
  });

  it.each<[string, string]>([
    ['{model:', 'OPENCODE_CONFIG_CONTENT is not valid JSON: '],
    ['[1]', 'OPENCODE_CONFIG_CONTENT must be a JSON object.'],
  ])('rejects %j with E_CONFIG', (content, message) => {
    expect(() => withOpencodePlugin(content, 'file:///p.js')).toThrow(expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining(message) }));
  });
});

describe('opencodePluginSource', () => {
  it('embeds the hook command as data and spawns it without a shell', () => {
    const source = opencodePluginSource(['/usr/bin/node', "/a b/it's.js", 'hook', 'opencode']);
    expect(source).toContain(`const hookCommand = ["/usr/bin/node","/a b/it's.js","hook","opencode"];`);
    expect(source).toContain("spawn(hookCommand[0], hookCommand.slice(1), { stdio: ['pipe', 'ignore', 'ignore'] })");
    expect(source).not.toContain('shell');
  });
});

// The real CLI, offline against the fake model server. `opencode run` loads plugins as the TUI does.
const bin = resolve('node_modules/.bin');
describe.skipIf(!existsSync(join(bin, 'opencode')))('Opencode loads the plugin', () => {
  let server: FakeModelServer;
  beforeEach(async () => {
    server = await startFakeModelServer({ fallback: (request: RecordedRequest): StaticTurn => (JSON.stringify(request.body).includes('title generator') ? { text: 'Title' } : { text: 'Done.' }) });
  });
  afterEach(async () => {
    await server.close();
  });

  it('reports working then idle with the session id, next to a plugin of the user\'s own config', { timeout: 120_000 }, async () => {
    const home = join(dir, 'home');
    const work = join(dir, 'work');
    mkdirSync(work, { recursive: true });
    const log = join(dir, 'events.log');
    const hookScript = join(dir, 'record.mjs');
    writeFileSync(hookScript, `import { appendFileSync } from 'node:fs';\nlet text = '';\nprocess.stdin.on('data', (chunk) => (text += chunk));\nprocess.stdin.on('end', () => appendFileSync(process.argv[2], text.replace(/\\n/g, ' ') + '\\n'));\n`);
    // The user's own global config with a plugin of theirs: it must still load.
    const userMarker = join(dir, 'user-plugin-loaded');
    const userPlugin = join(dir, 'user-plugin.js');
    writeFileSync(userPlugin, `import { writeFileSync } from 'node:fs';\nexport const UserPlugin = async () => { writeFileSync(${JSON.stringify(userMarker)}, 'yes'); return {}; };\n`);
    mkdirSync(join(home, '.config', 'opencode'), { recursive: true });
    writeFileSync(join(home, '.config', 'opencode', 'opencode.json'), JSON.stringify({ plugin: [pathToFileURL(userPlugin).href] }));
    const provider = {
      autoupdate: false, share: 'disabled', model: 'fake/fake-model', small_model: 'fake/fake-model',
      provider: { fake: { npm: '@ai-sdk/openai-compatible', name: 'Fake', options: { baseURL: server.openaiBaseUrl, apiKey: 'test' }, models: { 'fake-model': { name: 'Fake', tool_call: true } } } },
    };
    const baseEnv = {
      PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_CACHE_HOME: join(home, '.cache'), XDG_STATE_HOME: join(home, '.local/state'),
      OPENCODE_CONFIG_CONTENT: JSON.stringify(provider),
    };
    const opencode = builtInCliProfiles().opencode;
    if (opencode === undefined) throw new Error('no opencode profile');
    const launch = await interactiveLaunch(opencode, { prompt: 'hi', resume: false, hookCommand: [process.execPath, hookScript, log], stateDir: join(dir, 'state'), env: baseEnv });

    const exit = await new Promise<number | null>((done, fail) => {
      const child = spawn(join(bin, 'opencode'), ['run', '--', 'hi'], { cwd: work, env: { ...baseEnv, ...launch.env }, stdio: ['pipe', 'ignore', 'ignore'] });
      child.on('error', fail);
      child.on('close', done);
      child.stdin.end();
    });
    expect(exit).toBe(0);

    const reports = await eventually(() => {
      const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
      const parsed = lines.map((line) => reportFromHook('opencode', JSON.parse(line)));
      return parsed.some((report) => report.activity === 'idle') ? parsed : undefined;
    }, 20_000, 'an idle report from the plugin');
    const activities = reports.map((report) => report.activity).filter((activity) => activity !== undefined);
    expect(activities.indexOf('working')).toBeGreaterThanOrEqual(0);
    expect(activities.indexOf('working')).toBeLessThan(activities.lastIndexOf('idle'));
    expect(reports[0]?.sessionId).toMatch(/^ses_/);
    expect(new Set(reports.map((report) => report.sessionId)).size).toBe(1);
    expect(readFileSync(userMarker, 'utf8')).toBe('yes');
  });
});
