import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionWorktree } from '../../workspace/session-worktree.js';
import { cleanupTemp, createTempRepo } from '../../workspace/testing/temp-repo.js';
import { workspacesDir } from '../workspace/index.js';
import { invoke, openApiHarness, type ApiHarness } from './testing/api-harness.js';
import { workspaceOperations as ops } from './workspace-operations.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await openApiHarness();
});
afterEach(async () => {
  await h.close();
  await cleanupTemp();
});

/** A known project that is its own workspace repo `app`, with a merged run of each tenant. */
async function projectWithRuns() {
  const repo = await createTempRepo();
  await writeFile(join(repo.root, 'orchestra.yaml'), 'workspace:\n  repos:\n    app:\n      path: .\n');
  for (const [id, tenant] of [['acme1', 'acme'], ['other1', 'other']] as const) {
    await h.store.createRun({ id, pipeline: 'demo', file: join(repo.root, 'demo.dot'), source: 'digraph demo {}', goal: '', logsRoot: join(h.deps.home, 'runs', id), variables: {}, options: {}, startedAt: Date.now() - 60_000, tenant });
    await h.store.updateRun(id, { state: 'completed', finishedAt: Date.now() - 30_000 });
    const session = await createSessionWorktree({ repo: { name: 'app', path: repo.root, branchPrefix: 'orchestra/' }, pipeline: 'demo', runId: id, worktreesRoot: workspacesDir(h.deps.home) });
    await repo.commit({ [`${id}.txt`]: 'work\n' }, `work of ${id}`, session.worktree);
    await repo.git(['merge', '--quiet', '--no-edit', session.branch]);
  }
  return { repo, deps: { ...h.deps, projects: { list: () => [repo.root] } } };
}

describe('issue 14: workspaces.cleanup', () => {
  it('issue 14: is a destructive write operation at POST /workspaces/cleanup and the MCP tool workspace_cleanup', () => {
    expect(ops.map((op) => [op.name, op.access, op.destructive, op.http.method, op.http.path, op.mcp])).toEqual([['workspaces.cleanup', 'write', true, 'post', '/workspaces/cleanup', 'workspace_cleanup']]);
  });

  it("issue 14: cleans only the caller's tenant's runs; a dry run first changes nothing", async () => {
    const { repo, deps } = await projectWithRuns();
    const before = await repo.snapshot();
    const dry = await invoke(ops, 'workspaces.cleanup', deps, h.caller('acme', 'ann'), { project: repo.root, dryRun: true });
    expect(dry.removed.map((item) => [item.runId, item.reason])).toEqual([['acme1', 'merged into main']]);
    expect(await repo.snapshot()).toBe(before);
    const done = await invoke(ops, 'workspaces.cleanup', deps, h.caller('acme', 'ann'), { project: repo.root });
    expect(done.removed.map((item) => item.runId)).toEqual(['acme1']);
    expect((await repo.git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/orchestra/'])).trim()).toBe('orchestra/demo/other1');
  });

  it('issue 14: a folder that is not a known project is refused', async () => {
    const { repo } = await projectWithRuns();
    await expect(invoke(ops, 'workspaces.cleanup', h.deps, h.caller('acme', 'ann'), { project: repo.root })).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT' });
  });
});
