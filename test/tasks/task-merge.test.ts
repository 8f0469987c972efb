import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskProject } from '../support/task-project.js';

let project: TaskProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

/** Writes `files` in `dir` and commits them there, as an agent (or a person on main) would. */
function commit(dir: string, message: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  git(dir, 'add', '--', ...Object.keys(files));
  git(dir, 'commit', '-q', '-m', message);
}

/** A started task whose agent has settled (idle, asking): merge refuses while an agent works. */
async function startedTask(p: TaskProject, slug: string): Promise<{ worktree: string; pid: number }> {
  expect((await p.bin(['new', slug, '-m', `Work on ${slug}`, '--agent', 'fake'])).code).toBe(0);
  expect((await p.bin(['start', slug])).code).toBe(0);
  const task = await p.waitForTask(slug, (t) => t.needsInput);
  return { worktree: task.worktree!, pid: task.pid! };
}

const taskBranches = (p: TaskProject): string => git(p.project, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/orchestra/');

/** Everything a refused merge must leave alone in the main repository. */
function snapshot(p: TaskProject): string {
  return ['rev-parse HEAD', 'for-each-ref', 'status --porcelain', 'worktree list --porcelain'].map((args) => git(p.project, ...args.split(' '))).join('\n');
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilGone(pid: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`agent ${pid} still runs`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('merge', () => {
  it('merges (committing work left uncommitted), squashes into one commit, rebases, and keeps the worktree with --keep', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    const one = await startedTask(project, 'one');
    commit(one.worktree, 'agent: a', { 'a.txt': 'a\n' });
    writeFileSync(join(one.worktree, 'left.txt'), 'left uncommitted\n');
    const merged = await project.bin(['merge', 'one']);
    expect(merged).toMatchObject({ code: 0, stderr: '' });
    expect(merged.stdout).toMatch(/^merged task 1 \(one\) into main \(merge\): [0-9a-f]{12}, 2 files changed\n {2}worktree and branch removed\n$/);
    expect(git(project.project, 'log', '-1', '--format=%P %s', 'main')).toMatch(/^\w+ \w+ Merge task 1: one$/);
    expect(readFileSync(join(project.project, 'left.txt'), 'utf8')).toBe('left uncommitted\n');
    expect(existsSync(one.worktree)).toBe(false);
    expect(taskBranches(project)).toBe('');
    await waitUntilGone(one.pid);
    const done = await project.task('one');
    expect([done.status, done.worktree, done.branch]).toEqual(['merged', undefined, undefined]);

    const two = await startedTask(project, 'two');
    commit(two.worktree, 'agent: b1', { 'b.txt': 'b1\n' });
    commit(two.worktree, 'agent: b2', { 'b.txt': 'b2\n' });
    const beforeSquash = git(project.project, 'rev-parse', 'main');
    expect((await project.bin(['merge', 'two', '--squash'])).code).toBe(0);
    expect(git(project.project, 'rev-list', '--count', `${beforeSquash}..main`)).toBe('1');
    expect(git(project.project, 'log', '-1', '--format=%P|%s', 'main')).toBe(`${beforeSquash}|Merge task 2: two`);
    expect(readFileSync(join(project.project, 'b.txt'), 'utf8')).toBe('b2\n');

    const three = await startedTask(project, 'three');
    commit(three.worktree, 'agent: c', { 'c.txt': 'c\n' });
    commit(project.project, 'main moved on', { 'main.txt': 'main\n' });
    const beforeRebase = git(project.project, 'rev-parse', 'main');
    const rebased = await project.bin(['merge', 'three', '--rebase', '--keep']);
    expect(rebased.code).toBe(0);
    expect(rebased.stdout).toContain(`kept the worktree: ${three.worktree}`);
    expect(git(project.project, 'log', '--format=%s', `${beforeRebase}..main`)).toBe('agent: c');
    expect(git(project.project, 'rev-list', '--merges', `${beforeRebase}..main`)).toBe('');
    expect(existsSync(join(three.worktree, 'c.txt'))).toBe(true);
    expect(taskBranches(project)).toBe('orchestra/3-three');
    expect(await project.task('three')).toMatchObject({ status: 'merged', worktree: three.worktree });
    // The rebased commits are new ones, yet main has their changes: rm needs no --force once the agent is stopped.
    expect((await project.bin(['stop', 'three'])).code).toBe(0);
    expect(await project.bin(['rm', 'three'])).toMatchObject({ code: 0, stdout: 'removed task 3 (three)\n' });
  });

  it('refuses a conflict (with another task, or with main) and a dirty checkout, changing nothing; refuses a draft', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    const first = await startedTask(project, 'first');
    const second = await startedTask(project, 'second');
    commit(first.worktree, 'first edits README', { 'README.md': 'first\n' });
    commit(second.worktree, 'second edits README', { 'README.md': 'second\n' });
    expect((await project.bin(['merge', 'first'])).code).toBe(0);

    for (const mode of [[], ['--rebase'], ['--squash']]) {
      const before = snapshot(project);
      const conflict = await project.bin(['merge', 'second', ...mode]);
      expect(conflict.code, mode.join(' ')).toBe(4);
      expect(conflict.stderr).toContain('error[E_MERGE_CONFLICT]: Merging orchestra/2-second into main conflicts in 1 file: README.md.');
      expect(snapshot(project)).toBe(before);
      expect(readFileSync(join(second.worktree, 'README.md'), 'utf8')).toBe('second\n');
    }

    const third = await startedTask(project, 'third');
    commit(third.worktree, 'third edits README', { 'README.md': 'third\n' });
    commit(project.project, 'main edits README', { 'README.md': 'main\n' });
    const before = snapshot(project);
    const withMain = await project.bin(['merge', 'third']);
    expect(withMain.code).toBe(4);
    expect(withMain.stderr).toContain('conflicts in 1 file: README.md.');
    expect(snapshot(project)).toBe(before);
    expect(await project.task('third')).toMatchObject({ worktree: third.worktree, branch: 'orchestra/3-third' });

    const fourth = await startedTask(project, 'fourth');
    commit(fourth.worktree, 'fourth work', { 'd.txt': 'd\n' });
    writeFileSync(join(project.project, 'README.md'), 'edited on main, not committed\n');
    const dirtyBefore = snapshot(project);
    const dirty = await project.bin(['merge', 'fourth']);
    expect(dirty.code).toBe(4);
    expect(dirty.stderr).toContain(`error[E_DIRTY_CHECKOUT]: The main checkout ${project.project} has uncommitted changes in 1 file: README.md.`);
    expect(snapshot(project)).toBe(dirtyBefore);
    expect(readFileSync(join(project.project, 'README.md'), 'utf8')).toBe('edited on main, not committed\n');
    expect(existsSync(join(fourth.worktree, 'd.txt'))).toBe(true);

    expect((await project.bin(['new', 'draft', '-m', 'x'])).code).toBe(0);
    const draft = await project.bin(['merge', 'draft']);
    expect(draft.code).toBe(4);
    expect(draft.stderr).toContain('error[E_TASK_STATE]: task 5 (draft) was never started');
  });
});

describe('rm', () => {
  it('refuses unmerged work or a running agent without --force; --force removes it all; a merged task goes without', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    const kept = await startedTask(project, 'kept');
    commit(kept.worktree, 'unmerged work', { 'k.txt': 'k\n' });
    const file = join(project.project, '.orchestra/tasks/1:kept.md');
    const refused = await project.bin(['rm', 'kept']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/E_TASK_STATE.*its agent is running; its branch orchestra\/1-kept has work not merged into main/);
    expect(refused.stderr).toContain('orchestra rm 1 --force');
    expect(existsSync(file) && existsSync(kept.worktree) && alive(kept.pid)).toBe(true);

    // Completed is not merged: the branch still holds work main lacks.
    expect((await project.bin(['stop', 'kept'])).code).toBe(0);
    expect((await project.bin(['complete', 'kept'])).code).toBe(0);
    const completed = await project.bin(['rm', 'kept']);
    expect(completed.code).toBe(4);
    expect(completed.stderr).toContain('has work not merged into main');
    expect(taskBranches(project)).toBe('orchestra/1-kept');

    const forced = await startedTask(project, 'forced');
    expect(await project.bin(['rm', 'forced', '--force'])).toMatchObject({ code: 0, stdout: 'removed task 2 (forced)\n' });
    expect(existsSync(join(project.project, '.orchestra/tasks/2:forced.md'))).toBe(false);
    expect(existsSync(forced.worktree)).toBe(false);
    expect(taskBranches(project)).not.toContain('orchestra/2-forced');
    await waitUntilGone(forced.pid);

    // Merged with --keep: the branch and worktree remain, but nothing in them is lost by removing them.
    expect((await project.bin(['merge', 'kept', '--keep'])).code).toBe(0);
    expect(await project.bin(['rm', 'kept'])).toMatchObject({ code: 0, stdout: 'removed task 1 (kept)\n' });
    expect(existsSync(file) || existsSync(kept.worktree)).toBe(false);
    expect(taskBranches(project)).toBe('');
    expect(readFileSync(join(project.project, 'k.txt'), 'utf8')).toBe('k\n');
  });
});
