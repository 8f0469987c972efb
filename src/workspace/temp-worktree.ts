import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalPath } from './canonical-path.js';
import { withRepoLock } from './repo-lock.js';
import { runGit, tryGit } from './run-git.js';

/**
 * Runs `work` in a throw-away worktree of `root` checked out at `at` (a branch, or with `detach` a detached
 * HEAD), under the OS temp dir, and removes the worktree afterwards whether `work` succeeded or not.
 */
export async function withTempWorktree<T>(o: { root: string; at: string; detach?: boolean }, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'orchestra-merge-'));
  const repo = await canonicalPath(o.root);
  try {
    // mkdtemp made the directory; git accepts an existing empty one.
    await withRepoLock(repo, () => runGit(o.root, ['worktree', 'add', '--quiet', ...(o.detach === true ? ['--detach'] : []), dir, o.at]));
    return await work(dir);
  } finally {
    await withRepoLock(repo, async () => {
      await tryGit(o.root, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      await tryGit(o.root, ['worktree', 'prune']).catch(() => undefined);
    });
  }
}
