import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunWorkspace, RunWorkspaces } from '../../workspace/run-workspace/types.js';
import type { HandlerInput } from '../handler.js';
import { createFanInHandler } from '../handlers/parallel-fan-in/index.js';
import { createParallelHandler } from '../handlers/parallel/index.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';
import { createFakeWorkspace, createFakeWorld, type FakeWorkspaceWorld } from '../testing/fake-workspace.js';
import type { ScriptStep } from '../testing/scripted-handler.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const source = `digraph P {
  start [shape=Mdiamond]; done [shape=Msquare]
  fan [shape=component, max_parallel=1]; join [shape=tripleoctagon]
  a; a2; b
  start -> fan -> a -> a2 -> join -> done
  fan -> b -> join
}`;

/** A node that writes `file` into the worktree it was given, and notes which branch that is. */
function writes(file: string, seen: Record<string, string>): ScriptStep {
  return async (input: HandlerInput) => {
    const workspace = input.run.workspace!;
    seen[input.node.id] = workspace.branches.app!;
    await writeFile(join(workspace.primary, file), `${input.node.id}\n`);
    return { status: 'success' };
  };
}

async function run(world: FakeWorkspaceWorld, script: Record<string, ScriptStep[]>, text = source) {
  harness = await createEngineHarness({ script, handlers: { parallel: createParallelHandler(), 'parallel.fan_in': createFanInHandler() } });
  const root = harness.runsDir;
  const workspaces: RunWorkspaces = {
    create: async ({ runId, pipeline }) => createFakeWorkspace({ root, branch: `orchestra/${pipeline}/${runId}`, world }),
    reopen: async ({ runId, pipeline }) => ({ workspace: await createFakeWorkspace({ root, branch: `orchestra/${pipeline}/${runId}`, world }), rescued: [] }),
  };
  const handle = await startRun({ file: pipelineFile(harness), source: text }, harness.engine({ workspaces }));
  return { handle, result: await handle.result() };
}

/** The log without the run's own commits (ws-engine's, after each main-loop node). */
function branchWork(world: FakeWorkspaceWorld, session: string): string[] {
  return world.log.filter((line) => !line.startsWith(`commit ${session} `)).map((line) => line.replaceAll(session, 'S'));
}

describe('issue 14, decision 31: parallel branches in a run with a workspace', () => {
  it('each branch works and commits in its own worktree; the fan-in merges them in edge order and removes them', async () => {
    const world = createFakeWorld();
    const seen: Record<string, string> = {};
    const { handle, result } = await run(world, { a: [writes('a.txt', seen)], a2: [writes('a2.txt', seen)], b: [writes('b.txt', seen)], start: [writes('start.txt', seen)] });
    expect(result.state).toBe('completed');
    const session = `orchestra/P/${handle.runId}`;
    expect(seen).toEqual({ start: session, a: `${session}--fan-0`, a2: `${session}--fan-0`, b: `${session}--fan-1` });
    expect(branchWork(world, session)).toEqual([
      'branch fan 0',
      'commit S--fan-0 a',
      'commit S--fan-0 a2',
      'branch fan 1',
      'commit S--fan-1 b',
      'merge S--fan-0 into S',
      'merge S--fan-1 into S',
      'dispose S--fan-0',
      'dispose S--fan-1',
    ]);
    const join = (await harness.store.listNodeRecords(handle.runId)).find((record) => record.nodeId === 'join');
    expect(join?.notes).toContain('merged the work of "a", "b" into the run\'s workspace');
  });

  it('the fan-in removes the merged branches only once its checkpoint holds the merges (a crash before it finds them again)', async () => {
    const world = createFakeWorld();
    harness = await createEngineHarness({ script: {}, handlers: { parallel: createParallelHandler(), 'parallel.fan_in': createFanInHandler() } });
    const root = harness.runsDir;
    let runId = '';
    const checkpointAtDispose: Array<string | undefined> = [];
    const session = async (pipeline: string, id: string): Promise<RunWorkspace> => {
      runId = id;
      const workspace = await createFakeWorkspace({ root, branch: `orchestra/${pipeline}/${id}`, world });
      return {
        ...workspace,
        branch: async (node, index) => {
          const branch = await workspace.branch(node, index);
          return {
            ...branch,
            dispose: async () => {
              checkpointAtDispose.push((await harness.store.latestCheckpoint(runId))?.currentNode);
              await branch.dispose();
            },
          };
        },
      };
    };
    const workspaces: RunWorkspaces = {
      create: async ({ runId: id, pipeline }) => session(pipeline, id),
      reopen: async ({ runId: id, pipeline }) => ({ workspace: await session(pipeline, id), rescued: [] }),
    };
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ workspaces }));
    expect((await handle.result()).state).toBe('completed');
    expect(checkpointAtDispose).toEqual(['join', 'join']);
  });

  it('a conflict fails the fan-in, and the run, naming the repo, the branch and the file', async () => {
    const world = createFakeWorld();
    const seen: Record<string, string> = {};
    world.conflicts.set('--fan-1', ['same.txt']);
    const script = { a: [writes('same.txt', seen)], b: [writes('same.txt', seen)] };
    const { handle, result } = await run(world, script);
    const session = `orchestra/P/${handle.runId}`;
    expect(result.state).toBe('failed');
    expect(result.error?.message).toContain(`Merging branch "b" (git branch ${session}--fan-1) into the run's workspace conflicts in repo "app": same.txt.`);
    expect(branchWork(world, session).slice(-3)).toEqual(['merge S--fan-0 into S', 'conflict S--fan-1', 'abort S']);
  });

  it('a nested parallel’s branches branch off their outer branch, and its fan-in merges into that branch', async () => {
    const nested = `digraph P {
  start [shape=Mdiamond]; done [shape=Msquare]
  fan [shape=component, max_parallel=1]; inner [shape=component, max_parallel=1]
  ijoin [shape=tripleoctagon]; join [shape=tripleoctagon]
  x; y; b
  start -> fan -> inner -> x -> ijoin -> join -> done
  inner -> y -> ijoin
  fan -> b -> join
}`;
    const world = createFakeWorld();
    const seen: Record<string, string> = {};
    const { handle, result } = await run(world, { x: [writes('x.txt', seen)], y: [writes('y.txt', seen)], b: [writes('b.txt', seen)] }, nested);
    expect(result.state).toBe('completed');
    const session = `orchestra/P/${handle.runId}`;
    expect(seen).toEqual({ x: `${session}--fan-0--inner-0`, y: `${session}--fan-0--inner-1`, b: `${session}--fan-1` });
    expect(branchWork(world, session).filter((line) => !line.startsWith('commit'))).toEqual([
      'branch fan 0',
      'branch inner 0',
      'branch inner 1',
      'merge S--fan-0--inner-0 into S--fan-0',
      'merge S--fan-0--inner-1 into S--fan-0',
      'dispose S--fan-0--inner-0',
      'dispose S--fan-0--inner-1',
      'branch fan 1',
      'merge S--fan-0 into S',
      'merge S--fan-1 into S',
      'dispose S--fan-0',
      'dispose S--fan-1',
    ]);
  });
});
