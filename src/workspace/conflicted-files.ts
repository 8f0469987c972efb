import { runGit } from './run-git.js';

/** Paths with unresolved conflicts in the checkout `dir` (unmerged index entries). */
export async function conflictedFiles(dir: string): Promise<string[]> {
  const out = await runGit(dir, ['diff', '--name-only', '--diff-filter=U', '-z']);
  return [...new Set(out.split('\0').filter((path) => path !== ''))];
}
