import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OrchestraError, ErrorCode } from '../../core/errors.js';
import type { HandlerInput } from '../handler.js';
import { createPipelineHandler } from '../handlers/pipeline/pipeline-handler.js';
import { replayRun, resumeRun, startRun } from '../runner.js';
import { createEngineHarness, eventTypes, pipelineFile, whenStarted, type EngineHarness } from '../testing/engine-harness.js';
import { FakeWorkspaces } from '../testing/fake-workspaces.js';
import { linearDot } from '../testing/linear-dot.js';
import type { ScriptStep } from '../testing/scripted-handler.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const source = linearDot('G', ['a', 'b']);

async function runWith(workspaces: FakeWorkspaces, script: Record<string, ScriptStep[]> = {}) {
  harness = await createEngineHarness({ script });
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ workspaces }));
  return { handle, result: await handle.result() };
}

/** A run interrupted in node b after b reported agent turns `turns` (each with heads `turn-N`). */
async function interruptedInB(workspaces: FakeWorkspaces, turns: number[] = [], then: ScriptStep = { status: 'success' }) {
  let announce!: (input: HandlerInput) => void;
  const started = new Promise<HandlerInput>((resolve) => (announce = resolve));
  const block: ScriptStep = async (input) => {
    await input.ensureStageDir();
    for (const turn of turns) {
      // The agent loop's turn log, which `resume --turn` reads the conversation from.
      await writeFile(join(input.stageDir, `turn-00${turn}.json`), JSON.stringify({ turn, text: `turn ${turn}`, tool_calls: [] }));
      await input.services.emit({ type: 'agent.turn', node: 'b', turn, inputTokens: 1, outputTokens: 1, costUsd: 0, toolCalls: [], commits: { app: `turn-${turn}` } });
    }
    return new Promise((resolve) => {
      input.signal.addEventListener('abort', () => resolve({ status: 'fail', failureReason: 'aborted' }), { once: true });
      announce(input);
    });
  };
  harness = await createEngineHarness({ script: { b: [block, then] } });
  const controller = new AbortController();
  const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ workspaces, signal: controller.signal }));
  await whenStarted(started, handle);
  controller.abort(new Error('Ctrl-C'));
  expect((await handle.result()).state).toBe('interrupted');
  return handle;
}

const workspaceEvents = (runId: string) => harness.events.filter((event) => event.runId === runId && event.type.startsWith('workspace.'));

describe('issue 14: a run with a workspace', () => {
  it('creates the session, commits each node before its checkpoint, records the heads in it, pushes per checkpoint and at the end', async () => {
    const workspaces = new FakeWorkspaces();
    const { handle, result } = await runWith(workspaces);
    expect(result.state).toBe('completed');
    expect(workspaces.calls[0]).toEqual({ call: 'create', runId: handle.runId });
    expect(workspaces.commitsOf('commit').map((call) => call.scope)).toEqual(['start', 'a', 'b', 'exit'].map((node) => ({ runId: handle.runId, node })));
    const checkpoints = await Promise.all([1, 2, 3, 4].map((seq) => harness.store.getCheckpoint(handle.runId, seq)));
    expect(checkpoints.map((checkpoint) => checkpoint?.context['internal.workspace.app'])).toEqual(['app-1', 'app-2', 'app-3', 'app-4']);
    expect(workspaces.commitsOf('push').map((call) => call.event)).toEqual(['checkpoint', 'checkpoint', 'checkpoint', 'completion']);
    // The workspace is opened before the first node, and the last push is recorded before the run's last event.
    const types = eventTypes(harness.events, handle.runId);
    expect(types.indexOf('workspace.opened')).toBeLessThan(types.indexOf('node.started'));
    expect(types.slice(-4)).toEqual(['workspace.pushed', 'node.completed', 'checkpoint.saved', 'run.completed']);
    expect(workspaceEvents(handle.runId)[0]).toMatchObject({ type: 'workspace.opened', resumed: false, repos: { app: { branch: `orchestra/G/${handle.runId}`, path: '/ws/app', sha: 'app-0' } } });
  });

  it('nodes get the workspace; a failed push is reported and the run still completes', async () => {
    const workspaces = new FakeWorkspaces({ push: (_event, repo) => ({ repo, branch: 'b', pushed: false, error: 'remote unreachable' }) });
    const { handle, result } = await runWith(workspaces);
    expect(result.state).toBe('completed');
    expect(harness.handler.inputs.every((input) => input.run.workspace?.primary === '/ws/app')).toBe(true);
    const failures = workspaceEvents(handle.runId).filter((event) => event.type === 'workspace.push_failed');
    expect(failures.at(-1)).toMatchObject({ repo: 'app', on: 'completion', error: 'remote unreachable' });
  });

  it('a workspace that cannot be created is an error of startRun: no run is recorded, no node runs', async () => {
    const error = new OrchestraError(ErrorCode.GIT, 'workspace repo "app": /x is not a git repository.', { hint: 'Run git init there.' });
    harness = await createEngineHarness();
    await expect(startRun({ file: pipelineFile(harness), source }, harness.engine({ workspaces: new FakeWorkspaces({ createError: error }) }))).rejects.toBe(error);
    expect(harness.handler.order).toEqual([]);
    expect(await harness.store.listRuns()).toEqual([]);
  });

  it('replay creates a new session at the heads of its checkpoint', async () => {
    const workspaces = new FakeWorkspaces();
    const { handle } = await runWith(workspaces);
    const replay = await replayRun(handle.runId, 2, harness.engine({ workspaces }));
    expect((await replay.result()).state).toBe('completed');
    expect(workspaces.calls.filter((call) => call.call === 'create').at(-1)).toEqual({ call: 'create', runId: replay.runId, at: { app: 'app-2' } });
    expect(workspaceEvents(replay.runId)[0]).toMatchObject({ type: 'workspace.opened', repos: { app: { sha: 'app-2' } } });
  });

  it('resume reopens the session at the last checkpoint\'s heads and announces the rescued work', async () => {
    const rescued = [{ repo: 'app', ref: 'refs/orchestra/rescue/r/1', sha: 'stray' }];
    const workspaces = new FakeWorkspaces({ rescued });
    const handle = await interruptedInB(workspaces);

    const resumed = await resumeRun(handle.runId, harness.engine({ workspaces }));
    expect((await resumed.result()).state).toBe('completed');
    expect(workspaces.calls.find((call) => call.call === 'reopen')).toEqual({ call: 'reopen', runId: handle.runId, at: { app: 'app-2' } });
    const afterResume = workspaceEvents(handle.runId).filter((event) => event.type === 'workspace.rescued' || (event.type === 'workspace.opened' && event.resumed));
    expect(afterResume).toMatchObject([{ type: 'workspace.rescued', repo: 'app', ref: 'refs/orchestra/rescue/r/1', sha: 'stray' }, { type: 'workspace.opened', resumed: true }]);
  });

  it('resume --turn T reopens at the heads recorded with turn T of the interrupted node and runs it again', async () => {
    const workspaces = new FakeWorkspaces();
    const handle = await interruptedInB(workspaces, [1, 2]);
    const resumed = await resumeRun(handle.runId, harness.engine({ workspaces }), { turn: 1 });
    expect((await resumed.result()).state).toBe('completed');
    expect(workspaces.calls.find((call) => call.call === 'reopen')).toEqual({ call: 'reopen', runId: handle.runId, at: { app: 'turn-1' } });
    expect(harness.handler.order.filter((node) => node === 'b')).toHaveLength(2);
  });

  it('resume --turn T hands the node turns 1..T of its turn log, once, for its agent to go on from', async () => {
    const workspaces = new FakeWorkspaces();
    const given: unknown[] = [];
    const handle = await interruptedInB(workspaces, [1, 2, 3], async (input) => {
      given.push(input.run.resumedTurns?.map((turn) => turn.text));
      return { status: 'success' };
    });
    const resumed = await resumeRun(handle.runId, harness.engine({ workspaces }), { turn: 2 });
    expect((await resumed.result()).state).toBe('completed');
    expect(given).toEqual([['turn 1', 'turn 2']]);
  });

  it('resume --turn with a turn that was not recorded is refused, naming the recorded ones', async () => {
    const workspaces = new FakeWorkspaces();
    const handle = await interruptedInB(workspaces, [1, 2]);
    await expect(resumeRun(handle.runId, harness.engine({ workspaces }), { turn: 5 })).rejects.toMatchObject({ message: `Run ${handle.runId} recorded no turn 5 of node "b" since its last checkpoint.`, hint: 'Recorded turns: 1, 2.' });
    expect(await harness.store.getLease(handle.runId)).toBeUndefined();
  });

  it('without workspaces nothing changes: no workspace on the nodes, no workspace events', async () => {
    harness = await createEngineHarness();
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine());
    expect((await handle.result()).state).toBe('completed');
    expect(harness.handler.inputs.some((input) => input.run.workspace !== undefined)).toBe(false);
    expect(workspaceEvents(handle.runId)).toEqual([]);
  });
});

describe('issue 14: a child run and the workspace', () => {
  it('works and commits in its parent\'s worktrees, with no session of its own', async () => {
    const workspaces = new FakeWorkspaces();
    harness = await createEngineHarness();
    await writeFile(join(harness.runsDir, 'child.dot'), linearDot('Child', ['inner']));
    harness.registry.register('pipeline', createPipelineHandler());
    const parent = linearDot('Parent', ['sub [type="pipeline", pipeline="child.dot"]']);
    const handle = await startRun({ file: pipelineFile(harness), source: parent }, harness.engine({ workspaces }));
    expect((await handle.result()).state).toBe('completed');
    const child = (await harness.store.listRuns()).find((run) => run.parentRunId === handle.runId)!;
    expect(workspaces.calls.filter((call) => call.call === 'create')).toEqual([{ call: 'create', runId: handle.runId }]);
    expect(harness.handler.inputs.find((input) => input.node.id === 'inner')?.run).toMatchObject({ id: child.id, baseDir: harness.runsDir, workspace: { primary: '/ws/app' } });
    const commits = workspaces.commitsOf('commit').map((call) => `${call.scope?.runId === child.id ? 'child' : 'parent'}:${call.scope?.node}`);
    expect(commits).toEqual(['parent:start', 'child:start', 'child:inner', 'child:exit', 'parent:sub', 'parent:exit']);
    expect(await harness.store.readEvents(child.id, 0).then((events) => events.filter((event) => event.type.startsWith('workspace.')))).toEqual([]);
  });
});
