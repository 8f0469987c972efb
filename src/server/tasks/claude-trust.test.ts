import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trustWorktree, withTrust } from './claude-trust.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'claude-trust-'));
  dirs.push(dir);
  return dir;
};

describe('issue 9: Claude Code trusts the task worktree', () => {
  it.each([
    ['an empty config', {}, { projects: { '/w': { hasTrustDialogAccepted: true } } }],
    ['other projects and keys kept', { theme: 'dark', projects: { '/x': { a: 1 } } }, { theme: 'dark', projects: { '/x': { a: 1 }, '/w': { hasTrustDialogAccepted: true } } }],
    ['the project\'s other fields kept', { projects: { '/w': { allowedTools: ['Write'], hasTrustDialogAccepted: false } } }, { projects: { '/w': { allowedTools: ['Write'], hasTrustDialogAccepted: true } } }],
  ])('withTrust: %s', (_name, config, expected) => {
    expect(withTrust(config, ['/w'])).toEqual(expected);
  });

  it('withTrust returns the same object when the folder is already trusted', () => {
    const config = { projects: { '/w': { hasTrustDialogAccepted: true } } };
    expect(withTrust(config, ['/w'])).toBe(config);
  });

  it('writes only into CLAUDE_CONFIG_DIR, privately, and leaves a broken file alone', async () => {
    expect(await trustWorktree({ HOME: tempDir() }, '/w')).toEqual({ skipped: 'no-config-dir' });
    const configDir = tempDir();
    const file = join(configDir, '.claude.json');
    writeFileSync(file, JSON.stringify({ hasCompletedOnboarding: true }));
    expect(await trustWorktree({ CLAUDE_CONFIG_DIR: configDir }, '/w')).toEqual({ written: file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ hasCompletedOnboarding: true, projects: { '/w': { hasTrustDialogAccepted: true } } });
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(await trustWorktree({ CLAUDE_CONFIG_DIR: configDir }, '/w')).toEqual({ skipped: 'already-trusted' });
    writeFileSync(file, '{not json');
    expect(await trustWorktree({ CLAUDE_CONFIG_DIR: configDir }, '/w')).toEqual({ skipped: 'unreadable' });
    expect(readFileSync(file, 'utf8')).toBe('{not json');
  });
});
