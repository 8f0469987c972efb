import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeBranch } from './merge-branch.js';
import type { MergeMode } from './merge-mode.js';
import { cleanupTemp, createTempRepo, makeTempDir, type TempRepo } from './testing/temp-repo.js';
import { createWorktree } from './worktrees.js';

afterEach(cleanupTemp);

const BRANCH = 'orchestra/1-docs';
const MODES: MergeMode[] = ['merge', 'squash', 'rebase'];

/** A repo whose main moved on after the task branched, and a task worktree with two commits. */
async function taskRepo(): Promise<{ repo: TempRepo; worktree: string }> {
  const repo = await createTempRepo();
  const worktree = join(await makeTempDir('orchestra-home-'), '1-docs');
  await createWorktree({ root: repo.root, path: worktree, branch: BRANCH, baseBranch: 'main' });
  await repo.commit({ 'main.txt': 'main moved on\n' }, 'main work');
  await repo.commit({ 'docs/a.md': 'a\n' }, 'task: a', worktree);
  await repo.commit({ 'docs/b.md': 'b\n' }, 'task: b', worktree);
  return { repo, worktree };
}

async function conflictRepo(): Promise<{ repo: TempRepo; worktree: string }> {
  const { repo, worktree } = await taskRepo();
  await repo.commit({ 'README.md': '# from main\n' }, 'main edits readme');
  await repo.commit({ 'README.md': '# from the task\n', 'docs/c.md': 'c\n' }, 'task edits readme', worktree);
  return { repo, worktree };
}

const mergeState = async (repo: TempRepo) => ({
  mergeHead: existsSync(join(repo.root, '.git', 'MERGE_HEAD')),
  squashMsg: existsSync(join(repo.root, '.git', 'SQUASH_MSG')) || existsSync(join(repo.root, '.git', 'MERGE_MSG')),
  rebasing: existsSync(join(repo.root, '.git', 'rebase-merge')),
});

describe('mergeBranch into the main checkout', () => {
  it.each(MODES)('%s: lands the task on main and reports the changed files', async (mode) => {
    const { repo } = await taskRepo();
    const taskTip = await repo.git(['rev-parse', BRANCH]);
    const result = await mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode, message: 'Merge task 1: docs' });

    expect(result.commit).toBe((await repo.git(['rev-parse', 'main'])).trim());
    expect(result.files.sort()).toEqual(['docs/a.md', 'docs/b.md']);
    expect(await readFile(join(repo.root, 'docs', 'b.md'), 'utf8')).toBe('b\n');
    expect(await repo.git(['status', '--porcelain'])).toBe('');
    expect(await repo.git(['rev-parse', BRANCH])).toBe(taskTip);
    const subjects = (await repo.git(['log', '--format=%s', 'main'])).trim().split('\n');
    const parents = (await repo.git(['log', '-1', '--format=%P', 'main'])).trim().split(' ');
    if (mode === 'merge') {
      expect(subjects[0]).toBe('Merge task 1: docs');
      expect(parents).toHaveLength(2);
    } else if (mode === 'squash') {
      expect(subjects.slice(0, 2)).toEqual(['Merge task 1: docs', 'main work']);
      expect(parents).toHaveLength(1);
    } else {
      expect(subjects.slice(0, 3)).toEqual(['task: b', 'task: a', 'main work']);
      expect(await repo.git(['rev-list', '--merges', 'main'])).toBe('');
    }
    expect(await mergeState(repo)).toEqual({ mergeHead: false, squashMsg: false, rebasing: false });
  });

  it.each(MODES)('%s: a conflict lists the files and leaves the repository exactly as it was', async (mode) => {
    const { repo } = await conflictRepo();
    await repo.write({ '.orchestra/tasks/1:docs.md': '---\nstatus: completed\n---\n' });
    const before = await repo.snapshot();

    const error = await mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode, message: 'm' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_MERGE_CONFLICT',
      message: 'Merging orchestra/1-docs into main conflicts in 1 file: README.md.',
      detail: '  README.md',
    });
    expect(await repo.snapshot()).toBe(before);
    expect(await readFile(join(repo.root, 'README.md'), 'utf8')).toBe('# from main\n');
    expect(await readFile(join(repo.root, '.orchestra/tasks/1:docs.md'), 'utf8')).toBe('---\nstatus: completed\n---\n');
    expect(await mergeState(repo)).toEqual({ mergeHead: false, squashMsg: false, rebasing: false });
  });

  it('refuses a dirty main checkout, listing the files, and changes nothing', async () => {
    const { repo } = await taskRepo();
    await repo.write({ 'README.md': '# unsaved edit\n', 'scratch.txt': 'x\n', '.orchestra/tasks/1:docs.md': 'status: running\n' });
    const before = await repo.snapshot();
    await expect(mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode: 'merge', message: 'm' })).rejects.toMatchObject({
      code: 'E_DIRTY_CHECKOUT',
      message: `The main checkout ${repo.root} has uncommitted changes in 2 files: README.md, scratch.txt.`,
      hint: 'Commit or stash them, then merge again. Nothing was changed.',
    });
    expect(await repo.snapshot()).toBe(before);
  });

  it('is not blocked by changed task files under .orchestra/, and keeps them', async () => {
    const { repo } = await taskRepo();
    await repo.commit({ '.orchestra/tasks/1:docs.md': 'status: draft\n' }, 'track the task file');
    await repo.write({ '.orchestra/tasks/1:docs.md': 'status: completed\n' });
    await mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode: 'merge', message: 'm' });
    expect(await readFile(join(repo.root, '.orchestra/tasks/1:docs.md'), 'utf8')).toBe('status: completed\n');
    expect(existsSync(join(repo.root, 'docs', 'a.md'))).toBe(true);
  });

  it('restores the checkout when a hook refuses the squash commit', async () => {
    const { repo } = await taskRepo();
    await writeFile(join(repo.root, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "lint failed" >&2\nexit 1\n', { mode: 0o755 });
    const before = await repo.snapshot();
    await expect(mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode: 'squash', message: 'm' })).rejects.toMatchObject({
      code: 'E_GIT',
      message: expect.stringContaining('lint failed'),
      hint: 'Nothing was changed. Fix the cause above, then merge again.',
    });
    expect(await repo.snapshot()).toBe(before);
    expect(await mergeState(repo)).toEqual({ mergeHead: false, squashMsg: false, rebasing: false });
  });
});

describe('mergeBranch when the main checkout is not on the base branch', () => {
  it.each(MODES)('%s: merges in a temporary worktree and leaves the main checkout alone', async (mode) => {
    const { repo } = await taskRepo();
    await repo.git(['checkout', '--quiet', '-b', 'feature']);
    await repo.write({ 'README.md': '# my own unsaved work\n' });
    const head = await repo.git(['rev-parse', 'HEAD']);

    const result = await mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode, message: 'Merge docs' });
    expect(result.commit).toBe((await repo.git(['rev-parse', 'main'])).trim());
    expect(result.files.sort()).toEqual(['docs/a.md', 'docs/b.md']);
    expect(await repo.git(['show', 'main:docs/a.md'])).toBe('a\n');
    expect(await repo.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(await repo.git(['symbolic-ref', '--short', 'HEAD'])).toBe('feature\n');
    expect(await repo.git(['status', '--porcelain'])).toBe(' M README.md\n');
    expect(await repo.git(['worktree', 'list', '--porcelain'])).not.toContain('orchestra-merge-');
  });

  it.each(MODES)('%s: a conflict there changes nothing either', async (mode) => {
    const { repo } = await conflictRepo();
    await repo.git(['checkout', '--quiet', '--detach']);
    const before = await repo.snapshot();
    await expect(mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode, message: 'm' })).rejects.toMatchObject({
      code: 'E_MERGE_CONFLICT',
      message: 'Merging orchestra/1-docs into main conflicts in 1 file: README.md.',
    });
    expect(await repo.snapshot()).toBe(before);
  });

  it('merges in the linked worktree that has the base branch checked out', async () => {
    const { repo, worktree } = await taskRepo();
    await repo.git(['checkout', '--quiet', '-b', 'feature']);
    const mainWorktree = join(await makeTempDir(), 'main-wt');
    await repo.git(['worktree', 'add', '--quiet', mainWorktree, 'main']);
    await mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode: 'merge', message: 'm' });
    expect(await readFile(join(mainWorktree, 'docs', 'a.md'), 'utf8')).toBe('a\n');
    expect(await repo.git(['status', '--porcelain'], mainWorktree)).toBe('');

    await repo.commit({ 'docs/z.md': 'z\n' }, 'more', worktree);
    await repo.write({ 'dirty.txt': 'x' }, mainWorktree);
    await expect(mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode: 'merge', message: 'm' })).rejects.toMatchObject({
      code: 'E_DIRTY_CHECKOUT',
      message: `The checkout ${mainWorktree} has uncommitted changes in 1 file: dirty.txt.`,
    });
  });
});

describe('mergeBranch edge cases', () => {
  it('succeeds with nothing to merge when the task made no commits', async () => {
    const repo = await createTempRepo();
    await repo.git(['branch', BRANCH]);
    const head = (await repo.git(['rev-parse', 'main'])).trim();
    for (const mode of MODES) {
      expect(await mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode, message: 'm' })).toEqual({ commit: head, files: [] });
    }
  });

  it('squash succeeds with no new commit when the changes are on the base already', async () => {
    const { repo } = await taskRepo();
    await repo.git(['cherry-pick', `${BRANCH}~1`, BRANCH]);
    const head = (await repo.git(['rev-parse', 'main'])).trim();
    expect(await mergeBranch({ root: repo.root, branch: BRANCH, baseBranch: 'main', mode: 'squash', message: 'm' })).toEqual({ commit: head, files: [] });
    expect(await mergeState(repo)).toEqual({ mergeHead: false, squashMsg: false, rebasing: false });
  });

  it('names an unknown task branch', async () => {
    const repo = await createTempRepo();
    await expect(mergeBranch({ root: repo.root, branch: 'orchestra/9-nope', baseBranch: 'main', mode: 'merge', message: 'm' })).rejects.toMatchObject({
      code: 'E_GIT',
      message: `The task branch "orchestra/9-nope" does not exist in ${repo.root}.`,
      hint: 'Local branches: main.',
    });
  });

  it.each([
    [{ mode: 'octopus' }, 'Expected the merge mode to be one of merge, squash, rebase, got "octopus".'],
    [{ message: '  ' }, 'Expected the merge message to be non-empty text, got "".'],
  ])('rejects bad options: %j', async (override, message) => {
    const repo = await createTempRepo();
    const o = { root: repo.root, branch: BRANCH, baseBranch: 'main', mode: 'merge', message: 'm', ...override } as Parameters<typeof mergeBranch>[0];
    await expect(mergeBranch(o)).rejects.toMatchObject({ code: 'E_USAGE', message });
  });
});
