import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFiles, commitTurn } from './turn-commit.js';
import { cleanupTemp, createTempRepo, makeTempDir, type TempRepo } from './testing/temp-repo.js';

afterEach(cleanupTemp);

const trailers = { runId: 'run-42', node: 'implement', turn: 3 };

async function namesIn(repo: TempRepo, sha: string): Promise<string[]> {
  return (await repo.git(['show', '--name-only', '--format=', sha])).split('\n').filter(Boolean).sort();
}

describe('issue 14: commitTurn', () => {
  it('commits exactly the given files with the trailers, leaving other dirty files uncommitted', async () => {
    const repo = await createTempRepo();
    await repo.commit({ 'src/a.ts': 'a\n', 'other.txt': 'o\n' }, 'base');
    await repo.write({ 'src/a.ts': 'a2\n', 'src/b.ts': 'b\n', 'other.txt': 'dirty\n', 'stray.txt': 's\n', 'staged.txt': 'x\n' });
    await repo.git(['add', 'staged.txt']);
    const result = await commitTurn({ worktree: repo.root, files: ['src/a.ts', join(repo.root, 'src/b.ts')], message: 'implement: turn 3', trailers });
    expect(result.sha).toBe((await repo.git(['rev-parse', 'HEAD'])).trim());
    expect(await namesIn(repo, 'HEAD')).toEqual(['src/a.ts', 'src/b.ts']);
    expect(await repo.git(['log', '-1', '--format=%(trailers:only,unfold)'])).toBe('Orchestra-Run: run-42\nOrchestra-Node: implement\nOrchestra-Turn: 3\n\n');
    expect(await repo.git(['log', '-1', '--format=%s'])).toBe('implement: turn 3\n');
    // The change staged before the turn stays staged, the other dirty files stay as they were.
    expect(await repo.git(['status', '--porcelain=v1'])).toBe(' M other.txt\nA  staged.txt\n?? stray.txt\n');
  });

  it('asks a message writer once the files are staged, with their diff; without a turn there is no turn trailer', async () => {
    const repo = await createTempRepo();
    await repo.write({ 'new.txt': 'fresh\n', 'other.txt': 'not this one\n' });
    const asked: { files: string[]; diff: string }[] = [];
    const message = async (staged: { files: string[]; diff: string }) => {
      asked.push(staged);
      return 'Add new.txt';
    };
    await commitTurn({ worktree: repo.root, files: ['new.txt'], message, trailers: { runId: 'run-42', node: 'build' } });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.files).toEqual(['new.txt']);
    expect(asked[0]!.diff).toContain('+fresh');
    expect(asked[0]!.diff).not.toContain('other.txt');
    expect(await repo.git(['log', '-1', '--format=%s%n%(trailers:only,unfold)'])).toBe('Add new.txt\nOrchestra-Run: run-42\nOrchestra-Node: build\n\n');
    // Nothing to commit: the writer is not asked.
    await commitTurn({ worktree: repo.root, files: ['new.txt'], message, trailers });
    expect(asked).toHaveLength(1);
  });

  it('commits deletions', async () => {
    const repo = await createTempRepo();
    await repo.commit({ 'gone.txt': 'bye\n', 'kept.txt': 'k\n' }, 'base');
    await rm(join(repo.root, 'gone.txt'));
    await rm(join(repo.root, 'kept.txt'));
    const result = await commitTurn({ worktree: repo.root, files: ['gone.txt'], message: 'remove', trailers });
    expect(result.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await repo.git(['show', '--name-status', '--format=', 'HEAD'])).toBe('D\tgone.txt\n');
    expect(await repo.git(['status', '--porcelain=v1'])).toBe(' D kept.txt\n');
  });

  it('takes file names literally, not as patterns', async () => {
    const repo = await createTempRepo();
    await repo.write({ '*.txt': 'star\n', 'a.txt': 'a\n' });
    await commitTurn({ worktree: repo.root, files: ['*.txt'], message: 'star', trailers });
    expect(await namesIn(repo, 'HEAD')).toEqual(['*.txt']);
  });

  it('says there is nothing to commit when the given files did not change (or are ignored)', async () => {
    const repo = await createTempRepo();
    await repo.commit({ '.gitignore': 'dist/\n' }, 'ignore');
    await repo.write({ 'dist/out.js': 'x\n', 'unrelated.txt': 'u\n' });
    const head = await repo.git(['rev-parse', 'HEAD']);
    for (const files of [[], ['README.md'], ['dist/out.js'], ['never-existed.txt']]) {
      expect(await commitTurn({ worktree: repo.root, files, message: 'm', trailers })).toEqual({ sha: undefined, reason: 'nothing to commit' });
    }
    expect(await repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('refuses a path outside the worktree, directly or through a symbolic link, and stages nothing', async () => {
    const repo = await createTempRepo();
    const outside = await makeTempDir('orchestra-outside-');
    await writeFile(join(outside, 'secret.txt'), 'secret\n');
    await symlink(outside, join(repo.root, 'escape'));
    await symlink(join(outside, 'secret.txt'), join(repo.root, 'secret-link'));
    await repo.write({ 'mine.txt': 'mine\n' });
    const before = await repo.snapshot();
    for (const path of ['../outside.txt', join(outside, 'secret.txt'), 'escape/secret.txt', 'secret-link', '.git/config', '.']) {
      const attempt = commitTurn({ worktree: repo.root, files: ['mine.txt', path], message: 'm', trailers });
      await expect(attempt, path).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('not a file inside the worktree') });
    }
    expect(await repo.snapshot()).toBe(before);
  });

  it('commits through a symbolic link that stays inside the worktree, under the real path', async () => {
    const repo = await createTempRepo();
    await mkdir(join(repo.root, 'real'));
    await symlink(join(repo.root, 'real'), join(repo.root, 'alias'));
    await repo.write({ 'real/f.txt': 'f\n' });
    await commitTurn({ worktree: repo.root, files: ['alias/f.txt'], message: 'm', trailers });
    expect(await namesIn(repo, 'HEAD')).toEqual(['real/f.txt']);
  });

  it('works in a linked worktree and keeps trailer values on one line', async () => {
    const repo = await createTempRepo();
    const worktree = join(await makeTempDir(), 'wt');
    await repo.git(['worktree', 'add', '--quiet', '-b', 'orchestra/p/r1', worktree]);
    await repo.write({ 'n.txt': 'n\n' }, worktree);
    const result = await commitTurn({ worktree, files: ['n.txt'], message: 'm', trailers: { runId: 'r1\nOrchestra-Turn: 99', node: 'x', turn: 1 } });
    expect(result.sha).toBe((await repo.git(['rev-parse', 'orchestra/p/r1'])).trim());
    expect(await repo.git(['log', '-1', '--format=%(trailers:key=Orchestra-Turn,valueonly)', 'orchestra/p/r1'])).toBe('1\n\n');
  });
});

describe('issue 14: changedFiles', () => {
  it('lists modified, added, deleted and untracked files, not ignored ones', async () => {
    const repo = await createTempRepo();
    await repo.commit({ '.gitignore': 'dist/\n', 'mod.txt': 'm\n', 'del.txt': 'd\n', 'staged-del.txt': 's\n' }, 'base');
    expect(await changedFiles(repo.root)).toEqual([]);
    await repo.write({ 'mod.txt': 'changed\n', 'added.txt': 'a\n', 'new dir/untracked.txt': 'u\n', 'dist/out.js': 'x\n', '.orchestra/t.md': 't\n' });
    await repo.git(['add', 'added.txt']);
    await rm(join(repo.root, 'del.txt'));
    await repo.git(['rm', '--quiet', 'staged-del.txt']);
    expect(await changedFiles(repo.root)).toEqual(['added.txt', 'del.txt', 'mod.txt', 'new dir/untracked.txt', 'staged-del.txt']);
  });

  it('counts commits made since the given sha', async () => {
    const repo = await createTempRepo();
    const start = (await repo.git(['rev-parse', 'HEAD'])).trim();
    await repo.commit({ 'committed.txt': 'c\n' }, 'the agent committed this itself');
    await repo.write({ 'loose.txt': 'l\n' });
    expect(await changedFiles(repo.root, start)).toEqual(['committed.txt', 'loose.txt']);
    expect(await changedFiles(repo.root)).toEqual(['loose.txt']);
    await expect(changedFiles(repo.root, '--output=/tmp/x')).rejects.toMatchObject({ code: 'E_GIT' });
  });
});
