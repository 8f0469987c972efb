import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchExists } from './project-root.js';
import { cleanupTemp, createTempRepo, makeTempDir } from './testing/temp-repo.js';
import { createWorktree, deleteBranch, listWorktrees, removeWorktree } from './worktrees.js';

afterEach(cleanupTemp);

async function setup() {
  const repo = await createTempRepo();
  const home = await makeTempDir('orchestra-home-');
  const path = join(home, 'worktrees', 'app-12345678', '1-docs');
  return { repo, path };
}

describe('createWorktree', () => {
  it('creates the task branch from the base branch in a new worktree', async () => {
    const { repo, path } = await setup();
    await repo.git(['checkout', '--quiet', '-b', 'dev']);
    await repo.commit({ 'dev.txt': 'dev\n' }, 'dev work');
    await repo.git(['checkout', '--quiet', 'main']);

    expect(await createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'dev' })).toEqual({ created: true });
    expect(await readFile(join(path, 'dev.txt'), 'utf8')).toBe('dev\n');
    const entry = (await listWorktrees(repo.root)).find((w) => w.path === path);
    expect(entry).toMatchObject({ branch: 'orchestra/1-docs', head: (await repo.git(['rev-parse', 'dev'])).trim() });
  });

  it('is idempotent: a second call on the same path and branch changes nothing', async () => {
    const { repo, path } = await setup();
    const o = { root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' };
    await createWorktree(o);
    await writeFile(join(path, 'work.txt'), 'in progress\n');
    expect(await createWorktree(o)).toEqual({ created: false });
    expect(await readFile(join(path, 'work.txt'), 'utf8')).toBe('in progress\n');
  });

  it('reuses an existing task branch, keeping its commits', async () => {
    const { repo, path } = await setup();
    await repo.git(['branch', 'orchestra/1-docs']);
    await repo.git(['checkout', '--quiet', 'orchestra/1-docs']);
    const sha = await repo.commit({ 'task.txt': 'done before\n' }, 'earlier work');
    await repo.git(['checkout', '--quiet', 'main']);
    expect(await createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' })).toEqual({ created: true });
    expect((await repo.git(['rev-parse', 'HEAD'], path)).trim()).toBe(sha);
  });

  it('re-creates a worktree whose directory was deleted (crash recovery)', async () => {
    const { repo, path } = await setup();
    const o = { root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' };
    await createWorktree(o);
    await rm(path, { recursive: true, force: true });
    expect(await createWorktree(o)).toEqual({ created: true });
    expect(existsSync(join(path, 'README.md'))).toBe(true);
  });

  it('names an unknown base branch and lists the local ones', async () => {
    const { repo, path } = await setup();
    await repo.git(['branch', 'develop']);
    await expect(createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'developp' })).rejects.toMatchObject({
      code: 'E_GIT',
      message: `The base branch "developp" does not exist in ${repo.root}. Did you mean "develop"?`,
      hint: expect.stringMatching(/^Local branches: (main, develop|develop, main)\.$/),
    });
    expect(existsSync(path)).toBe(false);
    expect(await branchExists(repo.root, 'orchestra/1-docs')).toBe(false);
  });

  it('refuses a path that is a worktree of another branch', async () => {
    const { repo, path } = await setup();
    await createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' });
    await expect(createWorktree({ root: repo.root, path, branch: 'orchestra/2-other', baseBranch: 'main' })).rejects.toMatchObject({
      code: 'E_GIT',
      message: `${path} is already a worktree of orchestra/1-docs, not of orchestra/2-other.`,
    });
  });

  it('reports git refusing a non-empty directory that is not a worktree', async () => {
    const { repo, path } = await setup();
    await repo.write({ 'stray.txt': 'x' }, path);
    await expect(createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' })).rejects.toMatchObject({
      code: 'E_GIT',
      message: expect.stringContaining(`git worktree add -b orchestra/1-docs ${path} main failed in ${repo.root}:`),
    });
  });

  it('rejects a branch name git would read as an option', async () => {
    const { repo, path } = await setup();
    await expect(createWorktree({ root: repo.root, path, branch: '--detach', baseBranch: 'main' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

describe('removeWorktree and deleteBranch', () => {
  it('removes a clean worktree, then its branch', async () => {
    const { repo, path } = await setup();
    await createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' });
    await removeWorktree({ root: repo.root, path });
    expect(existsSync(path)).toBe(false);
    expect((await listWorktrees(repo.root)).map((w) => w.path)).toEqual([repo.root]);
    await deleteBranch(repo.root, 'orchestra/1-docs');
    expect(await branchExists(repo.root, 'orchestra/1-docs')).toBe(false);
  });

  it('refuses a dirty worktree unless forced', async () => {
    const { repo, path } = await setup();
    await createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' });
    await writeFile(join(path, 'unsaved.txt'), 'x');
    await expect(removeWorktree({ root: repo.root, path })).rejects.toMatchObject({
      code: 'E_GIT',
      hint: 'The worktree has uncommitted changes: commit them, or remove it with force.',
    });
    expect(existsSync(join(path, 'unsaved.txt'))).toBe(true);
    await removeWorktree({ root: repo.root, path, force: true });
    expect(existsSync(path)).toBe(false);
  });

  it('accepts a missing path, and prunes one deleted by hand', async () => {
    const { repo, path } = await setup();
    await removeWorktree({ root: repo.root, path });
    await createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' });
    await rm(path, { recursive: true, force: true });
    await removeWorktree({ root: repo.root, path });
    expect(await listWorktrees(repo.root)).toHaveLength(1);
  });

  it('deleting a missing branch is fine; deleting a checked-out one says why not', async () => {
    const { repo, path } = await setup();
    await deleteBranch(repo.root, 'never-existed');
    await createWorktree({ root: repo.root, path, branch: 'orchestra/1-docs', baseBranch: 'main' });
    await expect(deleteBranch(repo.root, 'orchestra/1-docs')).rejects.toMatchObject({
      code: 'E_GIT',
      hint: 'A branch cannot be deleted while a worktree has it checked out: remove that worktree first.',
    });
  });
});
