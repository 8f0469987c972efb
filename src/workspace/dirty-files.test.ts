import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitPending, dirtyFiles } from './dirty-files.js';
import { cleanupTemp, createTempRepo, makeTempDir } from './testing/temp-repo.js';

afterEach(cleanupTemp);

describe('dirtyFiles', () => {
  it('is empty for a clean checkout', async () => {
    const repo = await createTempRepo();
    expect(await dirtyFiles(repo.root)).toEqual([]);
  });

  it('lists modified, staged, renamed and untracked files but nothing under .orchestra/', async () => {
    const repo = await createTempRepo();
    await repo.commit({ 'a.txt': 'a\n', 'old.txt': 'old\n', '.orchestra/tasks/1:x.md': '---\n' }, 'files');
    await repo.write({ 'a.txt': 'changed\n', 'staged.txt': 's\n', 'new file.txt': 'n\n' });
    await repo.git(['add', 'staged.txt']);
    await repo.git(['mv', 'old.txt', 'renamed.txt']);
    await repo.write({ '.orchestra/tasks/1:x.md': '---\nstatus: running\n', '.orchestra/tasks/2:y.md': '---\n' });
    expect((await dirtyFiles(repo.root)).sort()).toEqual(['a.txt', 'new file.txt', 'old.txt', 'renamed.txt', 'staged.txt']);
  });
});

describe('commitPending', () => {
  it('returns undefined and makes no commit when nothing is pending', async () => {
    const repo = await createTempRepo();
    const head = await repo.git(['rev-parse', 'HEAD']);
    expect(await commitPending({ dir: repo.root, message: 'wip' })).toBeUndefined();
    expect(await repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('commits modified, deleted and untracked files, leaving .orchestra/ out', async () => {
    const repo = await createTempRepo();
    await repo.commit({ 'gone.txt': 'bye\n' }, 'to delete');
    await repo.write({ 'README.md': '# changed\n', 'new.txt': 'new\n', '.orchestra/note.md': 'local\n' });
    await repo.git(['rm', '--quiet', 'gone.txt']);
    const sha = await commitPending({ dir: repo.root, message: 'Work left by the agent' });
    expect(sha).toBe((await repo.git(['rev-parse', 'HEAD'])).trim());
    expect(await repo.git(['log', '-1', '--format=%s|%an'])).toBe('Work left by the agent|Test User\n');
    expect((await repo.git(['show', '--name-status', '--format=', 'HEAD'])).split('\n').filter(Boolean).sort()).toEqual(['A\tnew.txt', 'D\tgone.txt', 'M\tREADME.md']);
    expect(await repo.git(['status', '--porcelain'])).toBe('?? .orchestra/\n');
  });

  it('commits even when a pre-commit hook would refuse', async () => {
    const repo = await createTempRepo();
    await writeFile(join(repo.root, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    await repo.write({ 'a.txt': 'a\n' });
    expect(await commitPending({ dir: repo.root, message: 'wip' })).toMatch(/^[0-9a-f]{40}$/);
  });

  it('falls back to an Orchestra identity only when the repository has none', async () => {
    const repo = await createTempRepo();
    await repo.git(['config', '--unset', 'user.name']);
    await repo.git(['config', '--unset', 'user.email']);
    const empty = join(await makeTempDir(), 'empty-gitconfig');
    await writeFile(empty, '');
    // Hide this machine's global identity for the duration of the test.
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
    process.env.GIT_CONFIG_GLOBAL = empty;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    try {
      await repo.write({ 'a.txt': 'a\n' });
      await commitPending({ dir: repo.root, message: 'wip' });
      expect(await repo.git(['log', '-1', '--format=%an <%ae>|%cn <%ce>'])).toBe('Orchestra <orchestra@localhost>|Orchestra <orchestra@localhost>\n');
      await repo.git(['config', 'user.email', 'me@example.com']);
      await repo.git(['config', 'user.name', 'Me']);
      await repo.write({ 'b.txt': 'b\n' });
      await commitPending({ dir: repo.root, message: 'wip 2' });
      expect(await repo.git(['log', '-1', '--format=%an <%ae>'])).toBe('Me <me@example.com>\n');
    } finally {
      restoreEnv('GIT_CONFIG_GLOBAL', saved.global);
      restoreEnv('GIT_CONFIG_NOSYSTEM', saved.nosystem);
    }
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
