import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedRepo } from '../../config/config-types.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { createRunWorkspaces } from '../../workspace/run-workspace/index.js';
import { cleanupTemp, createTempRepo, makeTempDir } from '../../workspace/testing/temp-repo.js';
import { cleanupWorkspaces } from './cleanup-workspaces.js';
import { workspacesDir } from './workspaces-dir.js';

/*
 * Cleanup against what the RunWorkspace implementation really leaves (issue 14): session and parallel
 * branches made by createRunWorkspaces, merged at a fan-in, pushed per policy, rewound on resume.
 */

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await cleanupTemp();
});

async function setup(push: ResolvedRepo['push']) {
  const repo = await createTempRepo();
  const remote = await makeTempDir('orchestra-remote-');
  await repo.git(['init', '--quiet', '--bare', remote], remote);
  await repo.git(['remote', 'add', 'origin', remote]);
  const home = await makeTempDir('orchestra-home-');
  const store = await openSqliteStore(join(home, 'orchestra.db'));
  stores.push(store);
  const config: ResolvedRepo = { name: 'app', path: repo.root, branchPrefix: 'orchestra/', push, remote: 'origin', primary: true };
  const workspaces = createRunWorkspaces({ repos: [config], worktreesRoot: workspacesDir(home) });
  const finish = async (id: string) => {
    await store.createRun({ id, pipeline: 'demo', file: '/p/demo.dot', source: 'digraph demo {}', goal: '', logsRoot: join(home, 'runs', id), variables: {}, options: {}, startedAt: Date.now() - 60_000 });
    await store.updateRun(id, { state: 'completed', finishedAt: Date.now() - 30_000 });
  };
  const clean = (force = false) => cleanupWorkspaces({ store, repos: [config], worktreesRoot: workspacesDir(home), home, now: Date.now(), force });
  const refs = async () => (await repo.git(['for-each-ref', '--format=%(refname)', 'refs/heads/orchestra/', 'refs/orchestra/'])).trim();
  return { repo, home, workspaces, finish, clean, refs };
}

describe('issue 14: cleanup of what createRunWorkspaces leaves', () => {
  it('issue 14: a completed, pushed run with a merged fan-in goes entirely; an unpushed one with an unmerged branch stays', async () => {
    const s = await setup('on_completion');
    const ws = await s.workspaces.create({ runId: 'rdone', pipeline: 'demo' });
    await writeFile(join(ws.primary, 'PLAN.md'), 'plan\n');
    await ws.commit({ runId: 'rdone', node: 'plan' });
    const branches = [await ws.branch('fan', 0), await ws.branch('fan', 1)];
    for (const [index, branch] of branches.entries()) {
      await writeFile(join(branch.primary, `part-${index}.txt`), `part ${index}\n`);
      await branch.commit({ runId: 'rdone', node: `impl_${index}` });
    }
    expect((await ws.merge(branches, { runId: 'rdone', node: 'fan_in' })).kind).toBe('merged');
    for (const branch of branches) await branch.dispose();
    expect((await ws.push('completion')).map((report) => report.pushed)).toEqual([true]);
    await s.finish('rdone');

    const open = await s.workspaces.create({ runId: 'ropen', pipeline: 'demo' });
    const side = await open.branch('fan', 0);
    await writeFile(join(side.primary, 'idea.txt'), 'not merged yet\n');
    await side.commit({ runId: 'ropen', node: 'impl_0' });
    await s.finish('ropen');

    const report = await s.clean();
    expect(report.removed.map((item) => [item.runId, item.reason])).toEqual([['rdone', 'pushed to origin']]);
    expect(report.kept.map((item) => [item.runId, item.reason])).toEqual([['ropen', 'orchestra/demo/ropen--fan-0 unpushed and unmerged: 1 commit; use --force']]);
    expect(existsSync(join(workspacesDir(s.home), 'rdone'))).toBe(false);
    expect(await s.refs()).toBe('refs/heads/orchestra/demo/ropen\nrefs/heads/orchestra/demo/ropen--fan-0');

    const forced = await s.clean(true);
    expect(forced.removed.map((item) => [item.runId, item.worktrees.length])).toEqual([['ropen', 2]]);
    expect(await s.refs()).toBe('');
    expect(existsSync(join(workspacesDir(s.home), 'ropen'))).toBe(false);
  });

  it('issue 14: work a resume kept on a rescue ref keeps the run, even after the session branch was pushed', async () => {
    const s = await setup('on_completion');
    const ws = await s.workspaces.create({ runId: 'rres', pipeline: 'demo' });
    await writeFile(join(ws.primary, 'a.txt'), 'checkpoint 1\n');
    const atCheckpoint = await ws.commit({ runId: 'rres', node: 'plan' });
    await writeFile(join(ws.primary, 'b.txt'), 'after the checkpoint\n');
    await ws.commit({ runId: 'rres', node: 'impl', turn: 1 });
    const { workspace, rescued } = await s.workspaces.reopen({ runId: 'rres', pipeline: 'demo', at: atCheckpoint });
    expect(rescued.map((work) => work.ref)).toEqual(['refs/orchestra/rescue/rres/1']);
    expect((await workspace.push('completion')).map((report) => report.pushed)).toEqual([true]);
    await s.finish('rres');

    expect((await s.clean()).kept.map((item) => item.reason)).toEqual(['refs/orchestra/rescue/rres/1 unpushed and unmerged: 1 commit; use --force']);
    expect((await s.clean(true)).removed.map((item) => item.branches)).toEqual([['orchestra/demo/rres', 'refs/orchestra/rescue/rres/1']]);
    expect(await s.refs()).toBe('');
  });
});
