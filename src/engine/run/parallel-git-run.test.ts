import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunWorkspaces } from '../../workspace/run-workspace/index.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';
import { runGit } from '../../workspace/run-git.js';
import { cleanupTemp, makeTempDir } from '../../workspace/testing/temp-repo.js';
import { workspaceFixture, type WorkspaceFixture } from '../../workspace/testing/workspace-repos.js';
import { createDefaultRegistry } from '../handlers/registry/default-registry.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let fx: WorkspaceFixture;
const harnesses: EngineHarness[] = [];
beforeAll(async () => {
  fx = await workspaceFixture(['app']);
  await fx.repos[0]!.commit({ 'shared.txt': 'line 1\nline 2\nline 3\n' }, 'shared');
});
afterAll(async () => {
  await Promise.all(harnesses.map((h) => h.cleanup()));
  await cleanupTemp();
});

/** Two tool branches of `fan`, each running its command in the worktree it is given. */
function pipeline(name: string, left: string, right: string): string {
  return `digraph ${name} {
  start [shape=Mdiamond]; done [shape=Msquare]
  fan [shape=component]; join [shape=tripleoctagon]
  left [shape=parallelogram, tool_command=${JSON.stringify(left)}]
  right [shape=parallelogram, tool_command=${JSON.stringify(right)}]
  start -> fan -> left -> join -> done
  fan -> right -> join
}`;
}

async function run(source: string) {
  const harness = await createEngineHarness();
  harnesses.push(harness);
  // Runs of the seeded harness have the same id: each gets worktrees of its own.
  const workspaces: RunWorkspaces = createRunWorkspaces({ repos: fx.config, worktreesRoot: await makeTempDir('orchestra-worktrees-') });
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ registry: createDefaultRegistry(), workspaces }));
  const result = await handle.result();
  return { result, session: `orchestra/${/digraph (\w+)/.exec(source)![1]}/${handle.runId}` };
}

const repo = () => fx.repos[0]!.root;
const git = (args: string[]) => runGit(repo(), args);

describe('issue 14, decision 31: a run whose parallel branches work in git worktrees', () => {
  it('two tool branches writing different files: both files on the session branch after the fan-in, a merge commit each', async () => {
    const { result, session } = await run(pipeline('clean', "printf 'left\\n' > left.txt", "printf 'right\\n' > right.txt"));
    expect(result).toMatchObject({ state: 'completed' });
    expect(await git(['show', `${session}:left.txt`])).toBe('left\n');
    expect(await git(['show', `${session}:right.txt`])).toBe('right\n');
    expect(await git(['log', '--merges', '--format=%s', session])).toBe(`Merge ${session}--fan-1 into ${session}\nMerge ${session}--fan-0 into ${session}\n`);
    // Each file came from its own branch's commit, not from the session worktree.
    expect(await git(['log', '--format=%s', '-1', `${session}^2`, '--', 'right.txt'])).not.toBe('');
    expect(await git(['branch', '--list', `${session}--*`])).toBe('');
  });

  it('the same line edited in both branches: the fan-in fails naming the file, the session worktree clean', async () => {
    const edit = (text: string) => `printf 'line 1\\n${text}\\nline 3\\n' > shared.txt`;
    const { result, session } = await run(pipeline('conflict', edit('left'), edit('right')));
    expect(result.state).toBe('failed');
    expect(result.error?.message).toContain(`Merging branch "right" (git branch ${session}--fan-1) into the run's workspace conflicts in repo "app": shared.txt.`);
    const opened = harnesses.at(-1)!.events.find((event) => event.type === 'workspace.opened');
    const worktree = opened?.type === 'workspace.opened' ? opened.repos.app!.path : '';
    expect(await runGit(worktree, ['status', '--porcelain'])).toBe('');
    expect(existsSync(join(worktree, '.git'))).toBe(true);
    expect(await runGit(worktree, ['rev-parse', '-q', '--verify', 'MERGE_HEAD']).catch(() => 'no merge in progress')).toBe('no merge in progress');
    expect(await readFile(join(worktree, 'shared.txt'), 'utf8')).toBe('line 1\nleft\nline 3\n');
    // The conflicting branch's work is kept on its branch.
    expect(await git(['show', `${session}--fan-1:shared.txt`])).toBe('line 1\nright\nline 3\n');
  });
});
