import { requireBranch } from './require-branch.js';
import { gitFailure, runGit, tryGit } from './run-git.js';
import { isOrchestraPath } from './status-porcelain.js';

const PLAIN = ['--no-color', '--no-ext-diff'];

/**
 * What a task changed, as a unified diff: its worktree (committed, staged and unstaged changes) against the
 * merge base with `baseBranch`, plus untracked files as new-file diffs, without touching the index.
 * @example await diffBranch({ root, baseBranch: 'main', worktree: '/home/me/.orchestra/worktrees/app-1a2b3c4d/4-docs' })
 */
export async function diffBranch(o: { root: string; baseBranch: string; worktree: string }): Promise<string> {
  await requireBranch(o.root, o.baseBranch, 'base branch');
  const mergeBase = (await runGit(o.worktree, ['merge-base', o.baseBranch, 'HEAD'], {
    hint: `The task branch and ${o.baseBranch} share no history; compare them with \`git diff\` by hand.`,
  })).trim();
  const parts = [await runGit(o.worktree, ['diff', ...PLAIN, mergeBase, '--'])];
  for (const file of await untrackedFiles(o.worktree)) parts.push(await newFileDiff(o.worktree, file));
  return parts.join('');
}

async function untrackedFiles(worktree: string): Promise<string[]> {
  const out = await runGit(worktree, ['ls-files', '--others', '--exclude-standard', '-z']);
  // A trailing slash marks a nested repository, which has no content of its own to show.
  return out.split('\0').filter((path) => path !== '' && !path.endsWith('/') && !isOrchestraPath(path));
}

async function newFileDiff(worktree: string, file: string): Promise<string> {
  const args = ['diff', ...PLAIN, '--no-index', '--', '/dev/null', file];
  const result = await tryGit(worktree, args);
  // --no-index exits 1 when the files differ, which is always the case here.
  if (result.exitCode > 1) throw gitFailure(worktree, args, result);
  return result.stdout;
}
