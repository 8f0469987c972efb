import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diffBranch } from './diff-branch.js';
import { cleanupTemp, createTempRepo, makeTempDir } from './testing/temp-repo.js';
import { createWorktree } from './worktrees.js';

afterEach(cleanupTemp);

async function taskWorktree() {
  const repo = await createTempRepo();
  await repo.commit({ 'src/keep.ts': 'export const a = 1;\n', 'src/edit.ts': 'let x = 1;\n' }, 'base files');
  const worktree = join(await makeTempDir('orchestra-home-'), '1-docs');
  await createWorktree({ root: repo.root, path: worktree, branch: 'orchestra/1-docs', baseBranch: 'main' });
  return { repo, worktree };
}

describe('diffBranch', () => {
  it('shows committed, staged, unstaged and untracked changes against the merge base', async () => {
    const { repo, worktree } = await taskWorktree();
    await repo.commit({ 'docs/committed.md': 'committed line\n' }, 'task commit', worktree);
    await repo.write({ 'src/staged.ts': 'staged line\n' }, worktree);
    await repo.git(['add', 'src/staged.ts'], worktree);
    await repo.write({ 'src/edit.ts': 'let x = 2;\n', 'notes/untracked file.txt': 'untracked line\n', '.orchestra/local.md': 'hidden\n' }, worktree);
    // main moving on must not show up as a reverse change
    await repo.commit({ 'main-only.txt': 'main\n' }, 'main work');
    const indexBefore = await repo.git(['ls-files', '--stage'], worktree);

    const diff = await diffBranch({ root: repo.root, baseBranch: 'main', worktree });
    expect(diff).toContain('diff --git a/docs/committed.md b/docs/committed.md');
    expect(diff).toContain('+committed line');
    expect(diff).toContain('+staged line');
    expect(diff).toContain('-let x = 1;\n+let x = 2;');
    expect(diff).toContain('notes/untracked file.txt');
    expect(diff).toContain('+untracked line');
    expect(diff).not.toContain('main-only.txt');
    expect(diff).not.toContain('hidden');
    expect(diff).not.toContain('\u001b[');
    expect(await repo.git(['ls-files', '--stage'], worktree)).toBe(indexBefore);
  });

  it('is empty when the task changed nothing', async () => {
    const { repo, worktree } = await taskWorktree();
    expect(await diffBranch({ root: repo.root, baseBranch: 'main', worktree })).toBe('');
  });

  it('names an unknown base branch', async () => {
    const { repo, worktree } = await taskWorktree();
    await expect(diffBranch({ root: repo.root, baseBranch: 'mian', worktree })).rejects.toMatchObject({
      code: 'E_GIT',
      message: `The base branch "mian" does not exist in ${repo.root}. Did you mean "main"?`,
    });
  });

  it('says when the worktree is gone', async () => {
    const { repo } = await taskWorktree();
    const missing = join(await makeTempDir(), 'gone');
    await expect(diffBranch({ root: repo.root, baseBranch: 'main', worktree: missing })).rejects.toMatchObject({
      code: 'E_GIT',
      message: expect.stringContaining(`the directory ${missing} does not exist`),
    });
  });
});
