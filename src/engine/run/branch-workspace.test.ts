import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeWorkspace } from '../testing/fake-workspace.js';
import { commitBranchNode } from './branch-workspace.js';

let root: string | undefined;
afterEach(async () => root && rm(root, { recursive: true, force: true }));

describe('issue 14, decision 31: a parallel branch commits each node’s work', () => {
  it('commits what a node left, or says why the branch fails', async () => {
    root = await mkdtemp(join(tmpdir(), 'orchestra-branch-ws-'));
    const session = await createFakeWorkspace({ root, branch: 's' });
    const branch = await session.branch('fan', 0);
    expect(await commitBranchNode(branch, 'r', 'n1')).toBeUndefined();
    session.world.failingCommits.add('s--fan-0');
    expect(await commitBranchNode(branch, 'r', 'n2')).toBe(`Could not commit what node "n2" left in the branch's worktree ${branch.primary}: cannot commit in s--fan-0`);
    expect(session.world.log).toEqual(['branch fan 0', 'commit s--fan-0 n1']);
  });
});
