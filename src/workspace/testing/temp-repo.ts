import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runGit } from '../run-git.js';

/** A real git repository in a temp dir, on branch main with one commit, for tests. */
export interface TempRepo {
  /** Canonical path (symlinks resolved) of the main checkout. */
  root: string;
  git(args: string[], dir?: string): Promise<string>;
  write(files: Record<string, string>, dir?: string): Promise<void>;
  /** Writes the files and commits them; returns the new sha. */
  commit(files: Record<string, string>, message: string, dir?: string): Promise<string>;
  /** Branch refs, HEAD, status and worktrees: equal before and after means git state is unchanged. */
  snapshot(): Promise<string>;
}

const made: string[] = [];

/** A fresh temp dir (canonical path), removed by `cleanupTemp`. */
export async function makeTempDir(prefix = 'orchestra-ws-'): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Removes every dir `makeTempDir` made; call from afterEach. */
export async function cleanupTemp(): Promise<void> {
  const dirs = made.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function createTempRepo(): Promise<TempRepo> {
  const root = await makeTempDir('orchestra-repo-');
  const git = (args: string[], dir = root) => runGit(dir, args);
  const write = async (files: Record<string, string>, dir = root) => {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
  };
  const commit = async (files: Record<string, string>, message: string, dir = root) => {
    await write(files, dir);
    await git(['add', '-A'], dir);
    await git(['commit', '--quiet', '-m', message], dir);
    return (await git(['rev-parse', 'HEAD'], dir)).trim();
  };
  const snapshot = async () =>
    [
      await git(['rev-parse', 'HEAD']),
      await git(['symbolic-ref', '-q', 'HEAD']).catch(() => 'detached\n'),
      await git(['for-each-ref', '--format=%(refname) %(objectname)']),
      await git(['status', '--porcelain=v1', '--untracked-files=all']),
      await git(['worktree', 'list', '--porcelain']),
    ].join('---\n');

  await git(['init', '--quiet', '-b', 'main']);
  await git(['config', 'user.name', 'Test User']);
  await git(['config', 'user.email', 'test@example.com']);
  await git(['config', 'commit.gpgsign', 'false']);
  await commit({ 'README.md': '# test\n' }, 'initial');
  return { root, git, write, commit, snapshot };
}
