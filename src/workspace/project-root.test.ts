import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchExists, currentBranch, findProjectRoot } from './project-root.js';
import { cleanupTemp, createTempRepo, makeTempDir } from './testing/temp-repo.js';

afterEach(cleanupTemp);

describe('findProjectRoot', () => {
  it('finds the main checkout from its top level and from a subdirectory', async () => {
    const repo = await createTempRepo();
    await mkdir(join(repo.root, 'src', 'deep'), { recursive: true });
    expect(await findProjectRoot(repo.root)).toBe(repo.root);
    expect(await findProjectRoot(join(repo.root, 'src', 'deep'))).toBe(repo.root);
  });

  it('finds the main checkout from inside a linked worktree', async () => {
    const repo = await createTempRepo();
    const outside = await makeTempDir();
    const worktree = join(outside, 'wt');
    await repo.git(['worktree', 'add', '-b', 'side', worktree, 'main']);
    await mkdir(join(worktree, 'sub'));
    expect(await findProjectRoot(worktree)).toBe(repo.root);
    expect(await findProjectRoot(join(worktree, 'sub'))).toBe(repo.root);
  });

  it('finds the checkout of a repository whose git dir lives elsewhere', async () => {
    const base = await makeTempDir();
    const repo = await createTempRepo();
    const checkout = join(base, 'checkout');
    await repo.git(['init', '--quiet', '--separate-git-dir', join(base, 'store.git'), checkout]);
    expect(await findProjectRoot(checkout)).toBe(checkout);
    await repo.commit({ 'a.txt': 'a\n' }, 'a', checkout);
    const linked = join(base, 'linked');
    await repo.git(['worktree', 'add', '--quiet', '-b', 'side', linked], checkout);
    await expect(findProjectRoot(linked)).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT', hint: 'Run orchestra from the main checkout.' });
  });

  it('says a directory outside git is not a project', async () => {
    const dir = await makeTempDir();
    await expect(findProjectRoot(dir)).rejects.toMatchObject({
      code: 'E_NOT_A_PROJECT',
      message: `${dir} is not inside a git repository.`,
      hint: 'Run `git init` there, or cd into a project.',
    });
  });

  it('says a missing directory is not a project', async () => {
    const dir = join(await makeTempDir(), 'missing');
    await expect(findProjectRoot(dir)).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT', message: `${dir} is not inside a git repository.` });
  });

  it('refuses a bare repository', async () => {
    const dir = await makeTempDir();
    const repo = await createTempRepo();
    await repo.git(['init', '--quiet', '--bare', dir]);
    await expect(findProjectRoot(dir)).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT', message: `${dir} belongs to a bare git repository, which has no main checkout.` });
  });
});

describe('currentBranch', () => {
  it('names the checked-out branch, or undefined when detached', async () => {
    const repo = await createTempRepo();
    expect(await currentBranch(repo.root)).toBe('main');
    await repo.git(['checkout', '--quiet', '-b', 'feature/x']);
    expect(await currentBranch(repo.root)).toBe('feature/x');
    await repo.git(['checkout', '--quiet', '--detach']);
    expect(await currentBranch(repo.root)).toBeUndefined();
  });
});

describe('branchExists', () => {
  it('tells local branches from anything else', async () => {
    const repo = await createTempRepo();
    await repo.git(['branch', 'dev']);
    await repo.git(['tag', 'v1']);
    expect(await branchExists(repo.root, 'main')).toBe(true);
    expect(await branchExists(repo.root, 'dev')).toBe(true);
    expect(await branchExists(repo.root, 'v1')).toBe(false);
    expect(await branchExists(repo.root, 'nope')).toBe(false);
  });

  it('rejects a name git would read as an option', async () => {
    const repo = await createTempRepo();
    await expect(branchExists(repo.root, '--all')).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
