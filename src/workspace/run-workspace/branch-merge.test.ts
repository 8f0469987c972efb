import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from '../run-git.js';
import { cleanupTemp } from '../testing/temp-repo.js';
import { errorOf, workspaceFixture, type WorkspaceFixture } from '../testing/workspace-repos.js';
import { createRunWorkspaces } from './create-run-workspaces.js';
import type { RunWorkspaces } from './types.js';

let fx: WorkspaceFixture;
let workspaces: RunWorkspaces;
beforeAll(async () => {
  fx = await workspaceFixture(['api', 'web']);
  await fx.repos[0]!.commit({ 'shared.txt': 'line 1\nline 2\nline 3\n' }, 'shared');
  workspaces = createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot });
});
afterAll(cleanupTemp);

const branchExists = async (dir: string, branch: string) => (await runGit(dir, ['branch', '--list', branch])).trim() !== '';

describe('issue 14: parallel branch workspaces and their fan-in merge', () => {
  it('issue 14: two branches editing different files merge cleanly, one merge commit each, in branch order', async () => {
    const ws = await workspaces.create({ runId: 'm1', pipeline: 'build' });
    const [one, two] = [await ws.branch('fan', 0), await ws.branch('fan', 1)];
    expect(one.paths.api).toBe(join(fx.worktreesRoot, 'm1', 'branches', 'fan-0', 'api'));
    expect(one.branches).toEqual({ api: 'orchestra/build/m1--fan-0', web: 'orchestra/build/m1--fan-0' });
    await writeFile(join(one.primary, 'one.txt'), 'from branch 0\n');
    await one.commit({ runId: 'm1', node: 'impl_a', turn: 1 });
    await writeFile(join(two.primary, 'two.txt'), 'from branch 1\n');
    await writeFile(join(two.paths.web!, 'web.txt'), 'web from branch 1\n');
    await two.commit({ runId: 'm1', node: 'impl_b', turn: 1 });
    // Reopening a branch (a resumed run) reuses its worktree and commits.
    expect(await (await ws.branch('fan', 1)).heads()).toEqual(await two.heads());

    const result = await ws.merge([one, two], { runId: 'm1', node: 'join' });
    expect(result.kind).toBe('merged');
    if (result.kind !== 'merged') return;
    expect(result.heads).toEqual(await ws.heads());
    expect(await readFile(join(ws.primary, 'one.txt'), 'utf8')).toBe('from branch 0\n');
    expect(await readFile(join(ws.primary, 'two.txt'), 'utf8')).toBe('from branch 1\n');
    expect(await readFile(join(ws.paths.web!, 'web.txt'), 'utf8')).toBe('web from branch 1\n');
    const subjects = await runGit(ws.primary, ['log', '--merges', '--format=%s', 'HEAD']);
    expect(subjects).toBe('Merge orchestra/build/m1--fan-1 into orchestra/build/m1\nMerge orchestra/build/m1--fan-0 into orchestra/build/m1\n');
    expect(await runGit(ws.primary, ['log', '-1', '--format=%B'])).toContain('Orchestra-Run: m1\nOrchestra-Node: join\nOrchestra-Branch: orchestra/build/m1--fan-1');
    // web: branch 0 changed nothing there, so only one merge commit.
    expect((await runGit(ws.paths.web!, ['log', '--merges', '--format=%s'])).trim().split('\n')).toHaveLength(1);

    await one.dispose();
    expect(existsSync(one.primary)).toBe(false);
    expect(await branchExists(fx.repos[0]!.root, 'orchestra/build/m1--fan-0')).toBe(false);
  });

  it('issue 14: a branch of a branch has a folder of its own and merges back up', async () => {
    const ws = await workspaces.create({ runId: 'm4', pipeline: 'build' });
    const outer = [await ws.branch('fan', 0), await ws.branch('fan', 1)];
    const inner = [await outer[0]!.branch('inner', 0), await outer[1]!.branch('inner', 0)];
    expect(inner[0]!.primary).toBe(join(fx.worktreesRoot, 'm4', 'branches', 'fan-0--inner-0', 'api'));
    expect(inner[1]!.branches.api).toBe('orchestra/build/m4--fan-1--inner-0');
    await writeFile(join(inner[1]!.primary, 'deep.txt'), 'deep\n');
    await inner[1]!.commit({ runId: 'm4', node: 'leaf' });
    expect((await outer[1]!.merge([inner[1]!], { runId: 'm4', node: 'inner_join' })).kind).toBe('merged');
    expect((await ws.merge(outer, { runId: 'm4', node: 'join' })).kind).toBe('merged');
    expect(await readFile(join(ws.primary, 'deep.txt'), 'utf8')).toBe('deep\n');
    for (const b of [...inner, ...outer]) await b.dispose();
    expect(existsSync(join(fx.worktreesRoot, 'm4', 'branches', 'fan-1--inner-0'))).toBe(false);
    expect(existsSync(join(fx.worktreesRoot, 'm4', 'branches', 'fan-1'))).toBe(false);
  });

  it('issue 14: dispose keeps a branch whose commits were not merged', async () => {
    const ws = await workspaces.create({ runId: 'm2', pipeline: 'build' });
    const branch = await ws.branch('fan', 0);
    await writeFile(join(branch.primary, 'unmerged.txt'), 'work\n');
    await branch.commit({ runId: 'm2', node: 'impl' });
    await branch.dispose();
    expect(existsSync(join(branch.primary, 'unmerged.txt'))).toBe(true);
    expect(await branchExists(fx.repos[0]!.root, 'orchestra/build/m2--fan-0')).toBe(true);
  });

  it('issue 14: the same lines conflict: the files are named, abort restores, conclude after resolving merges the rest', async () => {
    const ws = await workspaces.create({ runId: 'm3', pipeline: 'build' });
    const before = await ws.heads();
    const branches = [await ws.branch('fan', 0), await ws.branch('fan', 1), await ws.branch('fan', 2)];
    for (const [i, b] of branches.slice(0, 2).entries()) {
      await writeFile(join(b.primary, 'shared.txt'), `line 1\nline 2 by branch ${i}\nline 3\n`);
      await b.commit({ runId: 'm3', node: `impl_${i}` });
    }
    await writeFile(join(branches[2]!.primary, 'other.txt'), 'branch 2\n');
    await branches[2]!.commit({ runId: 'm3', node: 'impl_2' });

    const first = await ws.merge(branches, { runId: 'm3', node: 'join' });
    if (first.kind !== 'conflict') throw new Error(`expected a conflict, got ${first.kind}`);
    expect(first).toMatchObject({ repo: 'api', branch: 'orchestra/build/m3--fan-1', files: ['shared.txt'], worktree: ws.primary });
    await first.abort();
    expect((await ws.heads()).api).not.toBe(before.api); // branch 0 stays merged
    expect(await readFile(join(ws.primary, 'shared.txt'), 'utf8')).toBe('line 1\nline 2 by branch 0\nline 3\n');
    expect(await runGit(ws.primary, ['status', '--porcelain'])).toBe('');

    // The fan-in again (branch 0 is merged already, so it is skipped): conclude refuses while markers remain.
    const again = await ws.merge(branches, { runId: 'm3', node: 'join' });
    if (again.kind !== 'conflict') throw new Error(`expected a conflict, got ${again.kind}`);
    const refused = await errorOf(again.conclude());
    expect(refused.code).toBe('E_MERGE_CONFLICT');
    expect(refused.message).toContain('shared.txt still hold conflict markers');
    // An agent resolving it commits per turn: nothing is committed during the merge, conclude() commits it all.
    const during = await ws.heads();
    await writeFile(join(ws.primary, 'shared.txt'), 'line 1\nline 2 by both\nline 3\n');
    await writeFile(join(ws.primary, 'note.txt'), 'resolved by an agent\n');
    expect(await ws.commit({ runId: 'm3', node: 'resolve', turn: 1, files: ['shared.txt', 'note.txt'] })).toEqual(during);
    const done = await again.conclude();
    expect(done.kind).toBe('merged');
    expect(await readFile(join(ws.primary, 'shared.txt'), 'utf8')).toBe('line 1\nline 2 by both\nline 3\n');
    expect(await readFile(join(ws.primary, 'other.txt'), 'utf8')).toBe('branch 2\n');
    expect(await runGit(ws.primary, ['status', '--porcelain'])).toBe('');
    expect(await runGit(ws.primary, ['show', '--format=', '--name-only', 'HEAD^'])).toContain('note.txt');
    await expect(again.conclude()).rejects.toThrow(/no merge is in progress/);
  });
});
