import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedRepo } from '../../config/config-types.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import type { RunState } from '../../store/types.js';
import { TaskFiles } from '../../tasks/task-files.js';
import { createSessionWorktree } from '../../workspace/session-worktree.js';
import { cleanupTemp, createTempRepo, makeTempDir, type TempRepo } from '../../workspace/testing/temp-repo.js';
import { worktreePathFor } from '../../workspace/worktree-path.js';
import { cleanupWorkspaces } from './cleanup-workspaces.js';
import type { CleanupOptions, CleanupReport } from './cleanup-types.js';

const DAY = 86_400_000;
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await cleanupTemp();
});

interface World {
  repo: TempRepo;
  config: ResolvedRepo;
  home: string;
  worktreesRoot: string;
  store: Store;
  now: number;
  clean(extra?: Partial<CleanupOptions>): Promise<CleanupReport>;
  /** A stored run with a session worktree holding one commit of `file`. */
  run(id: string, o?: { state?: RunState; age?: number; push?: boolean; merge?: boolean; file?: string }): Promise<{ branch: string; worktree: string }>;
  hasBranch(branch: string): Promise<boolean>;
}

async function world(): Promise<World> {
  const repo = await createTempRepo();
  const remote = await makeTempDir('orchestra-remote-');
  await repo.git(['init', '--quiet', '--bare', remote], remote);
  await repo.git(['remote', 'add', 'origin', remote]);
  const home = await makeTempDir('orchestra-home-');
  const worktreesRoot = join(home, 'workspaces');
  const store = await openSqliteStore(join(home, 'orchestra.db'));
  stores.push(store);
  const now = Date.now();
  const config: ResolvedRepo = { name: 'app', path: repo.root, branchPrefix: 'orchestra/', push: 'on_completion', remote: 'origin', primary: true };
  const hasBranch = async (branch: string) => (await repo.git(['branch', '--list', branch])).trim() !== '';
  return {
    repo, config, home, worktreesRoot, store, now, hasBranch,
    clean: (extra = {}) => cleanupWorkspaces({ store, repos: [config], worktreesRoot, home, now, ...extra }),
    async run(id, o = {}) {
      const state = o.state ?? 'completed';
      const at = now - (o.age ?? 10 * DAY);
      await store.createRun({ id, pipeline: 'demo', file: '/p/demo.dot', source: 'digraph demo {}', goal: '', logsRoot: join(home, 'runs', id), variables: {}, options: {}, startedAt: at - 1000 });
      await store.updateRun(id, { state, updatedAt: at, ...(state === 'completed' || state === 'failed' ? { finishedAt: at } : {}) });
      const session = await createSessionWorktree({ repo: config, pipeline: 'demo', runId: id, worktreesRoot });
      await repo.commit({ [o.file ?? `${id}.txt`]: `${id}\n` }, `work of ${id}`, session.worktree);
      if (o.push === true) await repo.git(['push', '--quiet', 'origin', session.branch], session.worktree);
      if (o.merge === true) await repo.git(['merge', '--quiet', '--no-edit', session.branch]);
      return { branch: session.branch, worktree: session.worktree };
    },
  };
}

const reasons = (report: CleanupReport) => ({
  removed: Object.fromEntries(report.removed.map((item) => [item.runId ?? item.task, item.reason])),
  kept: Object.fromEntries(report.kept.map((item) => [item.runId ?? item.task, item.reason])),
});

describe('issue 14: orchestra cleanup with real repositories and a bare remote', () => {
  it('issue 14: unmerged, unpushed work is kept; pushed and merged work is removed', async () => {
    const w = await world();
    const lone = await w.run('r-lone');
    const pushed = await w.run('r-pushed', { push: true });
    const merged = await w.run('r-merged', { merge: true });
    const report = await w.clean();
    expect(reasons(report)).toEqual({
      removed: { 'r-pushed': 'pushed to origin', 'r-merged': 'merged into main' },
      kept: { 'r-lone': 'unpushed and unmerged: 1 commit; use --force' },
    });
    expect(existsSync(lone.worktree)).toBe(true);
    expect(await w.hasBranch(lone.branch)).toBe(true);
    for (const gone of [pushed, merged]) {
      expect(existsSync(gone.worktree)).toBe(false);
      expect(await w.hasBranch(gone.branch)).toBe(false);
    }
    expect(existsSync(join(w.worktreesRoot, 'r-pushed'))).toBe(false);
    expect(report.problems).toEqual([]);
  });

  it('issue 14: a remote given as a path (no remote-tracking refs) counts as pushed through ls-remote', async () => {
    const w = await world();
    const remote = (await w.repo.git(['remote', 'get-url', 'origin'])).trim();
    const run = await w.run('r-url');
    await w.repo.git(['push', '--quiet', remote, run.branch], run.worktree);
    const report = await w.clean({ repos: [{ ...w.config, remote }] });
    expect(reasons(report).removed).toEqual({ 'r-url': `pushed to ${remote}` });
  });

  it('issue 14: --dry-run reports the same decisions and changes nothing', async () => {
    const w = await world();
    await w.run('r-pushed', { push: true });
    await w.run('r-merged', { merge: true });
    await w.run('r-lone');
    const before = await w.repo.snapshot();
    const dry = await w.clean({ dryRun: true });
    expect(await w.repo.snapshot()).toBe(before);
    expect(existsSync(join(w.worktreesRoot, 'r-pushed', 'app'))).toBe(true);
    const real = await w.clean();
    expect(reasons(dry)).toEqual(reasons(real));
    expect(dry.dryRun).toBe(true);
  });

  it('issue 14: --older-than keeps runs that finished more recently', async () => {
    const w = await world();
    await w.run('r-new', { push: true, age: DAY });
    await w.run('r-old', { push: true, age: 8 * DAY });
    const report = await w.clean({ olderThanMs: 7 * DAY });
    expect(reasons(report)).toEqual({ removed: { 'r-old': 'pushed to origin' }, kept: { 'r-new': 'finished 1d ago, newer than --older-than 7d' } });
  });

  it('issue 14: --force removes every finished and interrupted run, never a running one', async () => {
    const w = await world();
    await w.run('r-lone');
    await w.run('r-failed', { state: 'failed' });
    await w.run('r-stopped', { state: 'interrupted' });
    const live = await w.run('r-live', { state: 'running' });
    expect(await w.store.acquireLease('r-live', `${hostname()}:${process.pid}:test`, 60_000, w.now)).toBe(true);
    await w.repo.write({ 'half-done.txt': 'a node is writing this\n' }, live.worktree);

    const unforced = await w.clean();
    expect(reasons(unforced).kept).toEqual({
      'r-lone': 'unpushed and unmerged: 1 commit; use --force',
      'r-failed': 'unpushed and unmerged: 1 commit; use --force',
      'r-stopped': 'interrupted, `orchestra resume` can carry it on; use --force',
      'r-live': 'running',
    });

    const forced = await w.clean({ force: true });
    expect(Object.keys(reasons(forced).removed).sort()).toEqual(['r-failed', 'r-lone', 'r-stopped']);
    expect(reasons(forced).kept).toEqual({ 'r-live': 'running' });
    expect(existsSync(join(live.worktree, 'half-done.txt'))).toBe(true);
    expect(await w.hasBranch(live.branch)).toBe(true);
  });

  it('issue 14: uncommitted files in a finished run worktree keep it unless --force', async () => {
    const w = await world();
    const run = await w.run('r-dirty', { push: true });
    await w.repo.write({ 'notes.txt': 'not committed\n' }, run.worktree);
    expect(reasons(await w.clean()).kept).toEqual({ 'r-dirty': `uncommitted changes: 1 file in ${run.worktree}; use --force` });
    expect(reasons(await w.clean({ force: true })).removed).toEqual({ 'r-dirty': `--force: uncommitted changes: 1 file in ${run.worktree}` });
    expect(existsSync(run.worktree)).toBe(false);
  });

  it('issue 14: a run git refuses to remove (a locked worktree) is reported, and the other runs are still removed', async () => {
    const w = await world();
    const locked = await w.run('r-locked', { push: true });
    await w.run('r-free', { push: true });
    await w.repo.git(['worktree', 'lock', locked.worktree]);
    const report = await w.clean();
    expect(reasons(report).removed).toEqual({ 'r-free': 'pushed to origin' });
    expect(report.problems).toEqual([expect.objectContaining({ repo: 'app', code: 'E_GIT', message: expect.stringContaining('Run r-locked: git worktree remove') })]);
    expect(await w.hasBranch(locked.branch)).toBe(true);
  });

  it('issue 14: parallel branch worktrees go with their run when merged into a pushed session, and keep it otherwise', async () => {
    const w = await world();
    const run = await w.run('r-fan');
    const branchTree = join(w.worktreesRoot, 'r-fan', 'branches', 'fan-0', 'app');
    const parallel = `${run.branch}--fan-0`;
    await w.repo.git(['worktree', 'add', '--quiet', '-b', parallel, branchTree, run.branch]);
    await w.repo.commit({ 'a.txt': 'branch a\n' }, 'branch work', branchTree);
    expect(reasons(await w.clean()).kept).toEqual({ 'r-fan': 'unpushed and unmerged: 1 commit; orchestra/demo/r-fan--fan-0 unpushed and unmerged: 1 commit; use --force' });

    await w.repo.git(['merge', '--quiet', '--no-edit', parallel], run.worktree);
    await w.repo.git(['push', '--quiet', 'origin', run.branch], run.worktree);
    const report = await w.clean();
    expect(reasons(report).removed).toEqual({ 'r-fan': 'pushed to origin' });
    expect(report.removed[0]!.branches).toEqual([run.branch, parallel]);
    expect(await w.hasBranch(parallel)).toBe(false);
    expect(existsSync(join(w.worktreesRoot, 'r-fan'))).toBe(false);
  });

  it('issue 14: a rescue ref holding work found nowhere else keeps its run; --force deletes it with the run', async () => {
    const w = await world();
    const run = await w.run('r-resumed', { push: true });
    const before = (await w.repo.git(['rev-parse', 'HEAD'], run.worktree)).trim();
    const stray = await w.repo.commit({ 'stray.txt': 'after the checkpoint\n' }, 'work after the checkpoint', run.worktree);
    await w.repo.git(['update-ref', 'refs/orchestra/rescue/r-resumed/1', stray]);
    await w.repo.git(['reset', '--hard', '--quiet', before], run.worktree);
    expect(reasons(await w.clean()).kept).toEqual({ 'r-resumed': 'refs/orchestra/rescue/r-resumed/1 unpushed and unmerged: 1 commit; use --force' });
    const forced = await w.clean({ force: true });
    expect(forced.removed[0]!.branches).toEqual([run.branch, 'refs/orchestra/rescue/r-resumed/1']);
    expect((await w.repo.git(['for-each-ref', 'refs/orchestra/'])).trim()).toBe('');
  });

  it('issue 14: a session branch checked out in the user checkout is kept', async () => {
    const w = await world();
    const run = await w.run('r-looked-at', { merge: true });
    await w.repo.git(['worktree', 'remove', run.worktree]);
    await w.repo.git(['checkout', '--quiet', run.branch]);
    expect(reasons(await w.clean({ force: true })).kept).toEqual({ 'r-looked-at': `checked out in ${w.repo.root}` });
    expect(await w.hasBranch(run.branch)).toBe(true);
  });

  it('issue 14: a repo that is not a git repository is reported and the others are still cleaned', async () => {
    const w = await world();
    await w.run('r-pushed', { push: true });
    const notGit = await makeTempDir('orchestra-plain-');
    const report = await w.clean({ repos: [{ ...w.config, name: 'docs', path: notGit }, w.config] });
    expect(report.problems).toEqual([expect.objectContaining({ repo: 'docs', code: 'E_GIT', message: `Workspace repo docs: ${notGit} is not a git repository.` })]);
    expect(reasons(report).removed).toEqual({ 'r-pushed': 'pushed to origin' });
  });

  it('issue 14: stale task worktrees (merged or deleted tasks) are removed, a live task worktree is not', async () => {
    const w = await world();
    const tasks = new TaskFiles(w.repo.root);
    const live = await tasks.create({ slug: 'live', description: 'Still working.', baseBranch: 'main' });
    const merged = await tasks.create({ slug: 'done', description: 'Merged.', baseBranch: 'main' });
    await tasks.update(merged.id, { status: 'merged' });
    const paths = { live: worktreePathFor(w.home, w.repo.root, live.id, 'live'), done: worktreePathFor(w.home, w.repo.root, merged.id, 'done'), gone: worktreePathFor(w.home, w.repo.root, 9, 'gone') };
    for (const [slug, path] of Object.entries(paths)) {
      await mkdir(join(path, '..'), { recursive: true });
      await w.repo.git(['worktree', 'add', '--quiet', '-b', `orchestra/x-${slug}`, path, 'main']);
    }
    const report = await w.clean({ projectRoot: w.repo.root, repos: [] });
    expect(reasons(report)).toEqual({ removed: { [`${merged.id}-done`]: 'its task is merged', '9-gone': 'no task file names it' }, kept: {} });
    expect(existsSync(paths.live)).toBe(true);
    expect(existsSync(paths.done) || existsSync(paths.gone)).toBe(false);
    expect(await w.hasBranch('orchestra/x-gone')).toBe(true);
  });
});
