import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionWorktree, removeSessionWorktree, type SessionRepo } from './session-worktree.js';
import { cleanupTemp, createTempRepo, makeTempDir, type TempRepo } from './testing/temp-repo.js';
import { errorOf } from './testing/workspace-repos.js';

afterEach(cleanupTemp);

const repoAt = (path: string, extra: Partial<SessionRepo> = {}): SessionRepo => ({ name: 'api', path, branchPrefix: 'orchestra/', ...extra });

/** Every file of the checkout (outside .git) with its bytes: equal before and after means no file changed. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (path.split('/').includes('.git') || !entry.isFile()) continue;
    files[path.slice(dir.length + 1)] = (await readFile(path)).toString('base64');
  }
  return files;
}

/** The git state and every file of the user's checkout, including the index file's bytes. */
async function checkoutState(repo: TempRepo): Promise<string> {
  const index = (await readFile(join(repo.root, '.git', 'index'))).toString('base64');
  return JSON.stringify({ git: await repo.snapshot(), files: await filesOf(repo.root), index });
}

describe('issue 14: a session worktree per run and repo', () => {
  it('issue 14: the session branch and its worktree exist at the HEAD commit', async () => {
    const repo = await createTempRepo();
    const head = await repo.commit({ 'src/app.ts': 'export {};\n' }, 'app');
    const root = await makeTempDir();
    const session = await createSessionWorktree({ repo: repoAt(repo.root), pipeline: 'build', runId: 'run-1', worktreesRoot: root });
    expect(session).toEqual({ branch: 'orchestra/build/run-1', worktree: join(root, 'run-1', 'api'), baseSha: head });
    expect((await repo.git(['rev-parse', 'refs/heads/orchestra/build/run-1'])).trim()).toBe(head);
    expect((await repo.git(['symbolic-ref', 'HEAD'], session.worktree)).trim()).toBe('refs/heads/orchestra/build/run-1');
    expect(await readFile(join(session.worktree, 'src/app.ts'), 'utf8')).toBe('export {};\n');
    expect((await stat(join(root, 'run-1'))).mode & 0o777).toBe(0o700);
  });

  it('issue 14: a dirty user checkout is byte-identical afterwards and still on its branch', async () => {
    const repo = await createTempRepo();
    await repo.git(['checkout', '--quiet', '-b', 'feature']);
    const head = await repo.commit({ 'a.txt': 'one\n', 'b.txt': 'two\n' }, 'files');
    await repo.write({ 'a.txt': 'one, edited\n', 'new/untracked.txt': 'not added\n', 'staged.txt': 'staged\n' });
    await repo.git(['add', 'staged.txt']);
    const before = await checkoutState(repo);
    const session = await createSessionWorktree({ repo: repoAt(repo.root), pipeline: 'build', runId: 'r2', worktreesRoot: await makeTempDir() });
    const after = await checkoutState(repo);
    // The only git change is the new branch and worktree; compare everything else exactly.
    expect(JSON.parse(after).files).toEqual(JSON.parse(before).files);
    expect(JSON.parse(after).index).toBe(JSON.parse(before).index);
    expect((await repo.git(['symbolic-ref', 'HEAD'])).trim()).toBe('refs/heads/feature');
    expect(await repo.git(['status', '--porcelain=v1', '--untracked-files=all'])).toBe(' M a.txt\nA  staged.txt\n?? new/untracked.txt\n');
    expect(session.baseSha).toBe(head);
    // The session worktree holds the committed files, not the user's edits.
    expect(await readFile(join(session.worktree, 'a.txt'), 'utf8')).toBe('one\n');
    expect(await readdir(session.worktree)).not.toContain('new');
  });

  it('issue 14: base names the branch to start from, whatever is checked out', async () => {
    const repo = await createTempRepo();
    const mainSha = (await repo.git(['rev-parse', 'main'])).trim();
    await repo.git(['checkout', '--quiet', '-b', 'develop']);
    await repo.commit({ 'dev.txt': 'dev\n' }, 'dev work');
    const session = await createSessionWorktree({ repo: repoAt(repo.root, { base: 'main', branchPrefix: 'team-a/' }), pipeline: 'fix', runId: 'r3', worktreesRoot: await makeTempDir() });
    expect(session.branch).toBe('team-a/fix/r3');
    expect(session.baseSha).toBe(mainSha);
    expect(await readdir(session.worktree)).not.toContain('dev.txt');
  });

  it('issue 14: a detached HEAD with base starts from base', async () => {
    const repo = await createTempRepo();
    const mainSha = (await repo.git(['rev-parse', 'main'])).trim();
    await repo.git(['checkout', '--quiet', '--detach']);
    const session = await createSessionWorktree({ repo: repoAt(repo.root, { base: 'main' }), pipeline: 'p', runId: 'r', worktreesRoot: await makeTempDir() });
    expect(session.baseSha).toBe(mainSha);
  });

  it('issue 14: removeSessionWorktree removes the worktree and, when asked, the branch', async () => {
    const repo = await createTempRepo();
    const root = await makeTempDir();
    const kept = await createSessionWorktree({ repo: repoAt(repo.root), pipeline: 'p', runId: 'keep', worktreesRoot: root });
    const dropped = await createSessionWorktree({ repo: repoAt(repo.root), pipeline: 'p', runId: 'drop', worktreesRoot: root });
    await repo.write({ 'scratch.txt': 'uncommitted\n' }, dropped.worktree);
    await removeSessionWorktree({ repo: repoAt(repo.root), worktree: kept.worktree });
    await removeSessionWorktree({ repo: repoAt(repo.root), worktree: dropped.worktree, branch: dropped.branch, force: true });
    const branches = await repo.git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/']);
    expect(branches.split('\n').filter(Boolean).sort()).toEqual(['main', 'orchestra/p/keep']);
    expect(await repo.git(['worktree', 'list', '--porcelain'])).not.toContain(root);
    // Removing again is fine: what is gone stays gone.
    await removeSessionWorktree({ repo: repoAt(repo.root), worktree: dropped.worktree, branch: dropped.branch });
  });
});

describe('issue 14: bad input names the repo and what to do, and changes nothing in the checkout', () => {
  it.each([
    ['a missing base branch', { base: 'mian' }, 'p', /^Workspace repo api: the base branch "mian" does not exist in .+\. Did you mean "main"\?$/, /Set workspace\.repos\.api\.base to a local branch \(main\)/],
    ['a branch name git refuses', { branchPrefix: 'a..b/' }, 'p', /^Workspace repo api: git refuses the session branch name "a\.\.b\/p\/r1": it contains "\.\."\.$/, /workspace\.repos\.api\.branch_prefix/],
    ['a pipeline name git refuses', {}, 'my pipeline', /^Workspace repo api: git refuses the session branch name "orchestra\/my pipeline\/r1": it contains a space/, /pipeline's name/],
  ])('issue 14: %s', async (_name, extra, pipeline, message, hint) => {
    const repo = await createTempRepo();
    await repo.write({ 'README.md': 'dirty\n', 'u.txt': 'untracked\n' });
    const before = await checkoutState(repo);
    const root = await makeTempDir();
    const error = await errorOf(createSessionWorktree({ repo: repoAt(repo.root, extra), pipeline, runId: 'r1', worktreesRoot: root }));
    expect(error.code).toBe('E_GIT');
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(await checkoutState(repo)).toBe(before);
    expect(await readdir(root)).toEqual([]);
  });

  it('issue 14: a detached HEAD without base says to name base', async () => {
    const repo = await createTempRepo();
    await repo.git(['checkout', '--quiet', '--detach']);
    const before = await checkoutState(repo);
    const error = await errorOf(createSessionWorktree({ repo: repoAt(repo.root), pipeline: 'p', runId: 'r1', worktreesRoot: await makeTempDir() }));
    expect(error.message).toBe(`Workspace repo api: ${repo.root} is on a detached HEAD, so there is no branch to start the session branch from.`);
    expect(error.hint).toBe(`Name the branch to start from with workspace.repos.api.base (such as main), or check out a branch in ${repo.root}.`);
    expect(await checkoutState(repo)).toBe(before);
  });

  it('issue 14: a branch that already exists is refused, and the branch keeps its commit', async () => {
    const repo = await createTempRepo();
    const root = await makeTempDir();
    const first = await createSessionWorktree({ repo: repoAt(repo.root), pipeline: 'p', runId: 'r1', worktreesRoot: root });
    await repo.commit({ 'work.txt': 'agent work\n' }, 'work', first.worktree);
    const tip = (await repo.git(['rev-parse', first.branch])).trim();
    const before = await checkoutState(repo);
    const error = await errorOf(createSessionWorktree({ repo: repoAt(repo.root), pipeline: 'p', runId: 'r1', worktreesRoot: await makeTempDir() }));
    expect(error.message).toBe(`Workspace repo api: the session branch orchestra/p/r1 already exists in ${repo.root}.`);
    expect(error.hint).toContain('orchestra cleanup');
    expect((await repo.git(['rev-parse', first.branch])).trim()).toBe(tip);
    expect(await checkoutState(repo)).toBe(before);
  });

  it('issue 14: a path that is not a git repository', async () => {
    const dir = await makeTempDir('orchestra-plain-');
    const error = await errorOf(createSessionWorktree({ repo: repoAt(dir), pipeline: 'p', runId: 'r1', worktreesRoot: await makeTempDir() }));
    expect(error.code).toBe('E_GIT');
    expect(error.message).toBe(`Workspace repo api: ${dir} is not a git repository.`);
    expect(error.hint).toBe('Point workspace.repos.api.path at a git checkout, or run `git init` there and make a first commit.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('issue 14: a path that does not exist', async () => {
    const missing = join(await makeTempDir(), 'nowhere');
    const error = await errorOf(createSessionWorktree({ repo: repoAt(missing), pipeline: 'p', runId: 'r1', worktreesRoot: await makeTempDir() }));
    expect(error.message).toBe(`Workspace repo api: ${missing} does not exist.`);
  });

  it('issue 14: a repository with no commits yet', async () => {
    const repo = await createTempRepo();
    const empty = await makeTempDir('orchestra-empty-');
    await repo.git(['init', '--quiet', '-b', 'main'], empty);
    const error = await errorOf(createSessionWorktree({ repo: repoAt(empty), pipeline: 'p', runId: 'r1', worktreesRoot: await makeTempDir() }));
    expect(error.message).toBe(`Workspace repo api: ${empty} has no commits yet.`);
  });

  it.each([
    ['a run id that climbs out', '../x', 'api'],
    ['a repo name with a slash', 'r1', 'a/b'],
  ])('issue 14: %s is refused before git runs', async (_name, runId, name) => {
    const repo = await createTempRepo();
    const before = await checkoutState(repo);
    const error = await errorOf(createSessionWorktree({ repo: repoAt(repo.root, { name }), pipeline: 'p', runId, worktreesRoot: await makeTempDir() }));
    expect(error.code).toMatch(/^E_(USAGE|GIT)$/);
    expect(await checkoutState(repo)).toBe(before);
  });
});
