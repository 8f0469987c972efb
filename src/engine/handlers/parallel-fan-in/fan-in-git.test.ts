import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentBackend } from '../../../agents/backend.js';
import { createRunWorkspaces } from '../../../workspace/run-workspace/index.js';
import type { RunWorkspace, RunWorkspaces } from '../../../workspace/run-workspace/types.js';
import { runGit } from '../../../workspace/run-git.js';
import { cleanupTemp } from '../../../workspace/testing/temp-repo.js';
import { workspaceFixture, type WorkspaceFixture } from '../../../workspace/testing/workspace-repos.js';
import { buildGraph } from '../../testing/build-graph.js';
import type { ParallelResult } from '../parallel/parallel-results.js';
import { cleanupHarnesses, createHandlerHarness } from '../testing/index.js';
import { createFanInHandler } from './fan-in-handler.js';

let fx: WorkspaceFixture;
let workspaces: RunWorkspaces;
beforeAll(async () => {
  fx = await workspaceFixture(['app']);
  await fx.repos[0]!.commit({ 'shared.txt': 'line 1\nline 2\nline 3\n' }, 'shared');
  workspaces = createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot });
});
afterAll(async () => Promise.all([cleanupTemp(), cleanupHarnesses()]));

/** A session with two parallel branches of node `fan`, each having committed `files` (one record per branch). */
async function twoBranches(runId: string, files: [Record<string, string>, Record<string, string>], from = workspaces) {
  const session = await from.create({ runId, pipeline: 'p' });
  const branches: RunWorkspace[] = [];
  for (const [index, written] of files.entries()) {
    const branch = await session.branch('fan', index);
    for (const [name, text] of Object.entries(written)) await writeFile(join(branch.primary, name), text);
    await branch.commit({ runId, node: `impl_${index}` });
    branches.push(branch);
  }
  return { session, branches };
}

async function fanIn(session: RunWorkspace, branches: readonly RunWorkspace[], backend?: AgentBackend) {
  const results: ParallelResult[] = branches.map((branch, index) => ({
    id: `impl_${index}`,
    status: 'success',
    notes: null,
    failure_reason: null,
    last_node: `impl_${index}`,
    score: null,
    context_updates: {},
    workspace: { node: 'fan', index, branches: { ...branch.branches } },
  }));
  const graph = buildGraph({ nodes: { join: { shape: 'tripleoctagon' } } });
  const harness = await createHandlerHarness({ graph, nodeId: 'join', context: { 'parallel.results': results }, ...(backend && { backend }) });
  harness.input.run.workspace = session;
  return createFanInHandler().execute(harness.input);
}

const git = (dir: string, args: string[]) => runGit(dir, args);
const mergeInProgress = async (dir: string) => (await git(dir, ['rev-parse', '-q', '--verify', 'MERGE_HEAD']).catch(() => '')).trim() !== '';

describe('issue 14, decision 31: the fan-in merges real git branches', () => {
  it('two branches writing different files: both files on the session branch, a merge commit each in branch order, the branches removed', async () => {
    const { session, branches } = await twoBranches('g1', [{ 'one.txt': 'from branch 0\n' }, { 'two.txt': 'from branch 1\n' }]);
    const outcome = await fanIn(session, branches);
    expect(outcome).toMatchObject({ status: 'success' });
    expect(await readFile(join(session.primary, 'one.txt'), 'utf8')).toBe('from branch 0\n');
    expect(await readFile(join(session.primary, 'two.txt'), 'utf8')).toBe('from branch 1\n');
    expect(await git(session.primary, ['log', '--merges', '--format=%s'])).toBe('Merge orchestra/p/g1--fan-1 into orchestra/p/g1\nMerge orchestra/p/g1--fan-0 into orchestra/p/g1\n');
    expect(await git(session.primary, ['status', '--porcelain'])).toBe('');
    expect(branches.map((branch) => existsSync(branch.primary))).toEqual([false, false]);
    expect(await git(fx.repos[0]!.root, ['branch', '--list', 'orchestra/p/g1--*'])).toBe('');
  });

  it('the same line edited in both: the fan-in fails naming the file, the session worktree clean and the conflicting branch kept', async () => {
    const { session, branches } = await twoBranches('g2', [{ 'shared.txt': 'line 1\nline two (0)\nline 3\n' }, { 'shared.txt': 'line 1\nline two (1)\nline 3\n' }]);
    const before = await git(fx.repos[0]!.root, ['rev-parse', 'orchestra/p/g2--fan-1']);
    const outcome = await fanIn(session, branches);
    expect(outcome).toEqual({ status: 'fail', failureReason: expect.stringContaining('Merging branch "impl_1" (git branch orchestra/p/g2--fan-1) into the run\'s workspace conflicts in repo "app": shared.txt.') });
    expect(await mergeInProgress(session.primary)).toBe(false);
    expect(await git(session.primary, ['status', '--porcelain'])).toBe('');
    // Branch 0 merged before the conflict and stays merged; branch 1's work is where it was.
    expect(await readFile(join(session.primary, 'shared.txt'), 'utf8')).toBe('line 1\nline two (0)\nline 3\n');
    expect(await git(fx.repos[0]!.root, ['rev-parse', 'orchestra/p/g2--fan-1'])).toBe(before);
    expect(existsSync(branches[1]!.primary)).toBe(true);
  });

  it('on_conflict=agent: the backend resolves the file in the session worktree and the merge is concluded', async () => {
    const agentWorkspaces = createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot, onConflict: 'agent' });
    const { session, branches } = await twoBranches('g3', [{ 'shared.txt': 'line 1\nline two (0)\nline 3\n' }, { 'shared.txt': 'line 1\nline two (1)\nline 3\n' }], agentWorkspaces);
    // orchestra.yaml's on_conflict reaches the fan-in on the session's workspace, and a nested fan-in's on its branch's.
    expect([session.onConflict, branches[0]!.onConflict]).toEqual(['agent', 'agent']);
    const backend: AgentBackend = {
      name: 'resolver',
      async run(request) {
        await writeFile(join(request.workDir!, 'shared.txt'), 'line 1\nline two (0 and 1)\nline 3\n');
        return 'Kept both.';
      },
    };
    const outcome = await fanIn(session, branches, backend);
    expect(outcome).toMatchObject({ status: 'success' });
    expect(await readFile(join(session.primary, 'shared.txt'), 'utf8')).toBe('line 1\nline two (0 and 1)\nline 3\n');
    expect(await mergeInProgress(session.primary)).toBe(false);
    expect(await git(session.primary, ['log', '--merges', '--format=%s'])).toBe('Merge orchestra/p/g3--fan-1 into orchestra/p/g3\nMerge orchestra/p/g3--fan-0 into orchestra/p/g3\n');
  });
});
