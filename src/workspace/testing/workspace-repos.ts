import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedRepo } from '../../config/config-types.js';
import { isOrchestraError, type OrchestraError } from '../../core/errors.js';
import { runGit } from '../run-git.js';
import { createTempRepo, makeTempDir, type TempRepo } from './temp-repo.js';

/** Temp repos configured as workspace repos (the first primary), and a folder for the run worktrees. */
export interface WorkspaceFixture {
  repos: TempRepo[];
  config: ResolvedRepo[];
  worktreesRoot: string;
}

export async function workspaceFixture(names: readonly string[], extra: Partial<ResolvedRepo> = {}): Promise<WorkspaceFixture> {
  const repos = await Promise.all(names.map(() => createTempRepo()));
  const config = names.map((name, i): ResolvedRepo => ({ name, path: repos[i]!.root, branchPrefix: 'orchestra/', push: 'never', remote: 'origin', primary: i === 0, ...extra }));
  return { repos, config, worktreesRoot: await makeTempDir('orchestra-worktrees-') };
}

/** A bare repository to push to. */
export async function bareRemote(): Promise<string> {
  const dir = join(await makeTempDir('orchestra-remote-'), 'remote.git');
  await runGit(await makeTempDir(), ['init', '--quiet', '--bare', dir]);
  return dir;
}

/** Every file of the checkout (outside .git) with its text: equal before and after means no file changed. */
export async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (path.split('/').includes('.git') || !entry.isFile()) continue;
    files[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
  }
  return files;
}

/**
 * The user's checkout as the user sees it: branch, HEAD, status, every file and the index file's bytes (read after
 * `git status`, which may refresh the index's stat data). Equal before and after means the checkout was not touched;
 * new refs (session branches) and worktrees are allowed.
 */
export async function userCheckout(repo: TempRepo): Promise<Record<string, unknown>> {
  const status = await repo.git(['status', '--porcelain=v1', '--untracked-files=all']);
  const index = (await readFile(join(repo.root, '.git', 'index'))).toString('base64');
  const branch = await repo.git(['symbolic-ref', '-q', 'HEAD']).catch(() => 'detached');
  return { head: await repo.git(['rev-parse', 'HEAD']), branch, status, files: await filesOf(repo.root), index };
}

export async function errorOf(work: Promise<unknown>): Promise<OrchestraError> {
  try {
    await work;
  } catch (error) {
    if (isOrchestraError(error)) return error;
    throw error;
  }
  throw new Error('expected an OrchestraError');
}

/** The files the commit changed, sorted. */
export async function filesOfCommit(dir: string, sha: string): Promise<string[]> {
  const out = await runGit(dir, ['diff-tree', '--no-commit-id', '--name-only', '-r', '--root', sha]);
  return out.split('\n').filter((line) => line !== '').sort();
}
