import { identityArgs } from './git-identity.js';
import { runGit, tryGit, gitFailure } from './run-git.js';
import { dirtyPaths, parseStatusZ } from './status-porcelain.js';

/**
 * Files with uncommitted changes in the checkout `dir` (modified, staged, untracked; paths relative to its top
 * level), ignoring everything under `.orchestra/`.
 * @example await dirtyFiles(root) // ['src/a.ts', 'notes.txt']
 */
export async function dirtyFiles(dir: string): Promise<string[]> {
  const out = await runGit(dir, ['status', '--porcelain=v1', '-z']);
  return dirtyPaths(parseStatusZ(out));
}

/**
 * Every uncommitted path of the checkout `dir`, Orchestra's own included: what `git worktree remove` without
 * --force would refuse to throw away (cleanup counts these, issue 14).
 */
export async function uncommittedPaths(dir: string): Promise<string[]> {
  const out = await runGit(dir, ['status', '--porcelain=v1', '-z']);
  return parseStatusZ(out).map((entry) => entry.path);
}

/**
 * Commits everything pending in a task worktree and returns the new commit's sha, or undefined when there was
 * nothing to commit. Agents often leave their work uncommitted; merging calls this first so none of it is lost.
 * `.orchestra/` stays out: it holds Orchestra's own files, which must not travel into the base branch.
 */
export async function commitPending(o: { dir: string; message: string }): Promise<string | undefined> {
  await runGit(o.dir, ['add', '-A', '--', '.', ':(exclude).orchestra']);
  const staged = await tryGit(o.dir, ['diff', '--cached', '--quiet']);
  if (staged.exitCode === 0) return undefined;
  if (staged.exitCode !== 1) throw gitFailure(o.dir, ['diff', '--cached', '--quiet'], staged);
  // --no-verify: this commit only keeps the agent's work safe; a failing lint hook must not lose it.
  await runGit(o.dir, [...(await identityArgs(o.dir)), 'commit', '--no-verify', '--quiet', '-m', o.message]);
  return (await runGit(o.dir, ['rev-parse', 'HEAD'])).trim();
}
