import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codexTempDir, writeCodexHome } from './codex-home.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'orchestra-codex-home-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const configOf = (dir: string) => readFileSync(join(dir, 'config.toml'), 'utf8');

describe('issue 9: codexTempDir (Codex sets up no sandbox helper in a CODEX_HOME under the temp dir)', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['/tmp/o/runs/r1/codex-home', undefined, '/tmp/o/runs/r1/codex-home/tmp-dir'],
    ['/tmp/o/codex-home', '/tmp/', '/tmp/o/codex-home/tmp-dir'],
    ['/var/t/x/codex-home', '/var/t', '/var/t/x/codex-home/tmp-dir'],
    ['/home/u/.orchestra/runs/r1/codex-home', undefined, undefined],
    ['/home/u/.orchestra/codex-home', '/tmp', undefined],
    ['/tmpfoo/codex-home', '/tmp', undefined],
    ['/tmp', '/tmp', undefined],
  ])('%s with TMPDIR=%s → %s', (home, tmpdirVariable, expected) => {
    expect(codexTempDir(home, tmpdirVariable)).toBe(expected);
  });

  it('gives a home under the temp dir a private TMPDIR of its own', async () => {
    const dir = join(root, 'codex-home');
    expect(await writeCodexHome({ dir, cwd: '/w', env: { TMPDIR: root } })).toEqual({ CODEX_HOME: dir, TMPDIR: join(dir, 'tmp-dir') });
    expect(statSync(join(dir, 'tmp-dir')).mode & 0o777).toBe(0o700);
  });
});

describe('issue 9: writeCodexHome', () => {
  it.each<[string, Record<string, string | undefined>, string[], string[]]>([
    ['OpenAI by default, Codex\'s own model', {}, ['base_url = "https://api.openai.com/v1"'], ['\nmodel = ']],
    ['OPENAI_BASE_URL and CODEX_MODEL from the environment', { OPENAI_BASE_URL: ' http://127.0.0.1:9/v1 ', CODEX_MODEL: 'gpt-x' }, ['base_url = "http://127.0.0.1:9/v1"', '\nmodel = "gpt-x"\n'], []],
    ['blank values as unset', { OPENAI_BASE_URL: '  ', CODEX_MODEL: ' ' }, ['base_url = "https://api.openai.com/v1"'], ['\nmodel = ']],
    ['the key never, only its variable', { OPENAI_API_KEY: 'sk-secret' }, ['env_key = "OPENAI_API_KEY"'], ['sk-secret']],
  ])('%s', async (_name, env, present, absent) => {
    const dir = join(root, 'codex-home');
    expect(await writeCodexHome({ dir, cwd: '/w', env: { TMPDIR: '/elsewhere', ...env } })).toEqual({ CODEX_HOME: dir });
    for (const text of present) expect(configOf(dir)).toContain(text);
    for (const text of absent) expect(configOf(dir)).not.toContain(text);
  });

  it('is private, has hooks.json only with a hook command, and keeps Codex\'s sessions when rewritten', async () => {
    const dir = join(root, 'state', 'codex-home');
    await writeCodexHome({ dir, cwd: '/w', env: {} });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'config.toml')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, 'hooks.json'))).toBe(false);
    mkdirSync(join(dir, 'sessions'));
    writeFileSync(join(dir, 'sessions', 'rollout.jsonl'), '{}\n');
    await writeCodexHome({ dir, cwd: '/other', env: {}, hookCommand: ['orchestra', 'hook', 'codex'] });
    expect(configOf(dir)).toContain('[projects."/other"]');
    expect(readFileSync(join(dir, 'hooks.json'), 'utf8')).toContain("'orchestra' 'hook' 'codex'");
    expect(readFileSync(join(dir, 'sessions', 'rollout.jsonl'), 'utf8')).toBe('{}\n');
  });
});
