import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentBackend, AgentRequest } from '../../../agents/backend.js';
import type { StageStatus } from '../../../core/events.js';
import type { ConflictPolicy } from '../../../config/config-types.js';
import { buildGraph } from '../../testing/build-graph.js';
import { createFakeWorkspace } from '../../testing/fake-workspace.js';
import type { ParallelResult } from '../parallel/parallel-results.js';
import { cleanupHarnesses, createHandlerHarness } from '../testing/index.js';
import { createFanInHandler } from './fan-in-handler.js';

afterEach(cleanupHarnesses);

const session = 'orchestra/p/run';

function branchOf(id: string, index: number, status: StageStatus = 'success'): ParallelResult {
  return { id, status, notes: null, failure_reason: null, last_node: id, score: null, context_updates: { [`${id}.done`]: true }, workspace: { node: 'fan', index, branches: { app: `${session}--fan-${index}` } } };
}

/** A fan-in over `results` in a run whose workspace is a fake; the branches' workspaces exist, as after their walks. */
async function fanIn(results: ParallelResult[], options: { onConflict?: ConflictPolicy; conflicts?: Record<string, string[]>; backend?: AgentBackend } = {}) {
  const graph = buildGraph({ nodes: { join: { shape: 'tripleoctagon' } } });
  const harness = await createHandlerHarness({ graph, nodeId: 'join', context: { 'parallel.results': results }, ...(options.backend && { backend: options.backend }) });
  const workspace = await createFakeWorkspace({ root: harness.rootDir, branch: session, ...(options.onConflict && { onConflict: options.onConflict }) });
  for (const [branch, files] of Object.entries(options.conflicts ?? {})) workspace.world.conflicts.set(branch, files);
  for (const r of results) await workspace.branch('fan', r.workspace!.index);
  workspace.world.log.length = 0;
  harness.input.run.workspace = workspace;
  const outcome = await createFanInHandler().execute(harness.input);
  return { outcome, log: workspace.world.log, harness, worktree: workspace.primary };
}

/** An agent that rewrites every file the prompt lists (`- name`) in its work directory, without markers. */
function resolvingBackend(seen: AgentRequest[], text = 'ours and theirs\n'): AgentBackend {
  return {
    name: 'resolver',
    async run(request) {
      seen.push(request);
      const files = [...request.prompt.matchAll(/^- (.+)$/gm)].map((m) => m[1]!);
      for (const file of files) await writeFile(join(request.workDir!, file), text);
      return 'Resolved.';
    },
  };
}

describe('issue 14, decision 31: the fan-in merges the branches’ work into the run’s workspace', () => {
  it('merges the branches that succeeded in branch index order, then disposes them; failed ones stay', async () => {
    const { outcome, log } = await fanIn([branchOf('b', 1), branchOf('c', 2, 'fail'), branchOf('a', 0, 'partial_success')]);
    expect(log).toEqual([`merge ${session}--fan-0 into ${session}`, `merge ${session}--fan-1 into ${session}`, `dispose ${session}--fan-0`, `dispose ${session}--fan-1`]);
    expect(outcome).toMatchObject({ status: 'success', notes: 'Selected best candidate: b (ranked by status and score); merged the work of "a", "b" into the run\'s workspace' });
  });

  it('fails on a conflict naming the repo, the branch and the files, with the merge aborted and nothing disposed', async () => {
    const { outcome, log } = await fanIn([branchOf('a', 0), branchOf('b', 1)], { conflicts: { [`${session}--fan-1`]: ['src/app.ts', 'README.md'] } });
    expect(outcome).toEqual({
      status: 'fail',
      failureReason:
        `Merging branch "b" (git branch ${session}--fan-1) into the run's workspace conflicts in repo "app": src/app.ts, README.md. ` +
        `The merge was aborted; the branch's commits stay on ${session}--fan-1. ` +
        'Make the branches change different lines, or set workspace.on_conflict: agent in orchestra.yaml to have an agent resolve conflicts.',
    });
    expect(log).toEqual([`merge ${session}--fan-0 into ${session}`, `conflict ${session}--fan-1`, `abort ${session}`]);
  });

  it('with on_conflict=agent hands the conflict to the backend in the conflicted worktree, then concludes the merge', async () => {
    const seen: AgentRequest[] = [];
    const { outcome, log, harness, worktree } = await fanIn([branchOf('a', 0), branchOf('b', 1), branchOf('c', 2)], {
      onConflict: 'agent',
      conflicts: { [`${session}--fan-0`]: ['notes.txt'] },
      backend: resolvingBackend(seen),
    });
    expect(outcome).toMatchObject({ status: 'success' });
    expect(log).toEqual([
      `conflict ${session}--fan-0`,
      `resolved ${session}--fan-0 into ${session}`,
      `merge ${session}--fan-1 into ${session}`,
      `merge ${session}--fan-2 into ${session}`,
      `dispose ${session}--fan-0`,
      `dispose ${session}--fan-1`,
      `dispose ${session}--fan-2`,
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.workDir).toBe(worktree);
    // The merge is committed whole by conclude(), never turn by turn.
    expect('commitTurn' in seen[0]!).toBe(false);
    expect(seen[0]!.prompt).toContain(`In the git worktree ${worktree} (repo "app"), merging branch "a" (git branch ${session}--fan-0) into the run's session branch stopped with conflicts in these files:\n- notes.txt\n`);
    expect(await readFile(join(worktree, 'notes.txt'), 'utf8')).toBe('ours and theirs\n');
    expect(await readFile(join(harness.stageDir, 'merge-conflict-1.prompt.md'), 'utf8')).toBe(seen[0]!.prompt);
    expect(harness.eventsOf('log').map((e) => e.message)).toEqual(['Merge conflict in repo "app" (notes.txt): asking the agent to resolve it']);
  });

  it.each<[string, AgentBackend, string]>([
    ['leaves conflict markers', resolvingBackend([], '<<<<<<< HEAD\nstill\n'), 'the agent left conflicts'],
    ['fails', { name: 'broken', run: async () => Promise.reject(new Error('model down')) }, 'the agent failed: model down'],
    ['reports a failure', { name: 'gives-up', run: async () => ({ outcome: { status: 'fail', failureReason: 'too hard' } }) }, 'the agent failed: too hard'],
  ])('with on_conflict=agent fails naming the files when the agent %s, the merge aborted', async (_name, backend, problem) => {
    const { outcome, log } = await fanIn([branchOf('a', 0), branchOf('b', 1)], { onConflict: 'agent', conflicts: { [`${session}--fan-1`]: ['notes.txt'] }, backend });
    expect(outcome).toEqual({
      status: 'fail',
      failureReason:
        `Merging branch "b" (git branch ${session}--fan-1) into the run's workspace still conflicts (${problem}) in repo "app": notes.txt. ` +
        `The merge was aborted; the branch's commits stay on ${session}--fan-1. Merge that branch by hand, or make the branches change different lines.`,
    });
    expect(log.at(-1)).toBe(`abort ${session}`);
    expect(log.some((line) => line.startsWith('dispose'))).toBe(false);
  });

  it('merges nothing when every branch failed, and fails as without a workspace', async () => {
    const { outcome, log } = await fanIn([branchOf('a', 0, 'fail'), branchOf('b', 1, 'skipped')]);
    expect(outcome).toMatchObject({ status: 'fail', failureReason: 'All 2 parallel branches failed' });
    expect(log).toEqual([]);
  });

  it('without a workspace ignores the branches’ workspace entries and selects as always', async () => {
    const graph = buildGraph({ nodes: { join: { shape: 'tripleoctagon' } } });
    const harness = await createHandlerHarness({ graph, nodeId: 'join', context: { 'parallel.results': [branchOf('a', 0), branchOf('b', 1)] } });
    const outcome = await createFanInHandler().execute(harness.input);
    expect(outcome).toEqual({ status: 'success', notes: 'Selected best candidate: a (ranked by status and score)', contextUpdates: { 'a.done': true, 'parallel.fan_in.best_id': 'a', 'parallel.fan_in.best_outcome': 'success' } });
  });
});
