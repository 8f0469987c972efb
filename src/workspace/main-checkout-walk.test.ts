import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkToMainCheckout } from './main-checkout-walk.js';
import { runGit } from './run-git.js';
import { cleanupTemp, createTempRepo, makeTempDir } from './testing/temp-repo.js';

afterEach(cleanupTemp);

/** What git itself names as the checkout of `cwd`'s common git dir. */
async function gitAnswer(cwd: string): Promise<string> {
  const commonDir = (await runGit(cwd, ['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim();
  return commonDir.replace(/\/\.git$/, '');
}

describe('issue 9: walkToMainCheckout', () => {
  it('answers as git does in a plain checkout: its top level, a subdirectory, through a symlink', async () => {
    const repo = await createTempRepo();
    await mkdir(join(repo.root, 'src', 'deep'), { recursive: true });
    const outside = await makeTempDir();
    await symlink(join(repo.root, 'src'), join(outside, 'link'));
    for (const cwd of [repo.root, join(repo.root, 'src', 'deep'), join(outside, 'link')]) {
      expect(await walkToMainCheckout(cwd, {})).toBe(await gitAnswer(cwd));
    }
  });

  it('leaves to git a linked worktree, a separate git dir, discovery settings and a directory outside git', async () => {
    const repo = await createTempRepo();
    const outside = await makeTempDir();
    await repo.git(['worktree', 'add', '-b', 'side', join(outside, 'wt'), 'main']);
    await repo.git(['init', '--quiet', '--separate-git-dir', join(outside, 'store.git'), join(outside, 'checkout')]);
    const plain = await makeTempDir();
    expect(await walkToMainCheckout(join(outside, 'wt'), {})).toBeUndefined();
    expect(await walkToMainCheckout(join(outside, 'checkout'), {})).toBeUndefined();
    expect(await walkToMainCheckout(repo.root, { GIT_CEILING_DIRECTORIES: '/' })).toBeUndefined();
    expect(await walkToMainCheckout(plain, {})).toBeUndefined();
  });
});
