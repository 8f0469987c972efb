import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeWorkspace } from '../testing/fake-workspace.js';
import { commitBranchNode, openBranchWorkspace, sameHeads } from './branch-workspace.js';

const roots: string[] = [];
afterEach(async () => Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true }))));

async function session() {
  const root = await mkdtemp(join(tmpdir(), 'orchestra-branch-ws-'));
  roots.push(root);
  return createFakeWorkspace({ root, branch: 's' });
}

describe('issue 14, decision 31: a parallel branch’s workspace', () => {
  it('is a new branch off the parent’s HEAD, named by parallel node and index', async () => {
    const parent = await session();
    const branch = await openBranchWorkspace(parent, { parentNode: 'fan', index: 1 }, false);
    expect(branch.branches).toEqual({ app: 's--fan-1' });
    expect(await branch.heads()).toEqual(await parent.heads());
    expect(parent.world.log).toEqual(['branch fan 1']);
  });

  it('reopens a resumed branch with its commits', async () => {
    const parent = await session();
    const first = await parent.branch('fan', 0);
    await first.commit({ runId: 'r', node: 'n1' });
    const reopened = await openBranchWorkspace(parent, { parentNode: 'fan', index: 0 }, true);
    expect(reopened).toBe(first);
    expect(parent.world.log).toEqual(['branch fan 0', 'commit s--fan-0 n1']);
  });

  it('starts again from the parent’s HEAD when an earlier attempt left work on the branch', async () => {
    const parent = await session();
    const left = await parent.branch('fan', 0);
    await left.commit({ runId: 'r', node: 'n1' });
    const fresh = await openBranchWorkspace(parent, { parentNode: 'fan', index: 0 }, false);
    expect(fresh).not.toBe(left);
    expect(await fresh.heads()).toEqual(await parent.heads());
    expect(parent.world.log).toEqual(['branch fan 0', 'commit s--fan-0 n1', 'dispose s--fan-0', 'branch fan 0']);
  });

  it('commits what a node left, or says why the branch fails', async () => {
    const parent = await session();
    const branch = await parent.branch('fan', 0);
    expect(await commitBranchNode(branch, 'r', 'n1')).toBeUndefined();
    parent.world.failingCommits.add('s--fan-0');
    expect(await commitBranchNode(branch, 'r', 'n2')).toBe(`Could not commit what node "n2" left in the branch's worktree ${branch.primary}: cannot commit in s--fan-0`);
  });

  it.each([
    [{ a: '1' }, { a: '1' }, true],
    [{ a: '1' }, { a: '2' }, false],
    [{ a: '1' }, { a: '1', b: '1' }, false],
    [{}, {}, true],
  ])('sameHeads(%j, %j) is %s', (a, b, same) => {
    expect(sameHeads(a, b)).toBe(same);
  });
});
