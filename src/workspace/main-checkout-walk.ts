import { realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The main checkout around `cwd` found by looking for `.git` directories, without running git:
 * what `git rev-parse --git-common-dir` answers in the plain case, a few ms sooner (the first
 * thing `orchestra attach` does). Undefined whenever git's own discovery might answer otherwise,
 * so the caller asks git: a `.git` file (linked worktree, submodule), a repository owned by
 * another user (git's safe.directory check), a filesystem boundary, or discovery settings in the
 * environment.
 */
export async function walkToMainCheckout(cwd: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<string | undefined> {
  if (env.GIT_CEILING_DIRECTORIES !== undefined || env.GIT_DISCOVERY_ACROSS_FILESYSTEM !== undefined) return undefined;
  // git works from the real path of its working directory, and so names the top level by it.
  let dir = await realpath(cwd).catch(() => undefined);
  if (dir === undefined) return undefined;
  const device = (await stat(dir)).dev;
  for (;;) {
    const dotGit = await stat(join(dir, '.git')).catch(() => undefined);
    if (dotGit !== undefined) {
      const owned = typeof process.getuid !== 'function' || dotGit.uid === process.getuid();
      const head = dotGit.isDirectory() ? await stat(join(dir, '.git', 'HEAD')).catch(() => undefined) : undefined;
      return owned && head?.isFile() === true ? dir : undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    if ((await stat(parent)).dev !== device) return undefined;
    dir = parent;
  }
}
