import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { gatePipeline, smallPipeline } from '../../src/cli/testing/pipelines.js';
import { startAnsweredRunResumer } from '../../src/server/human-work/resume-answered-runs.js';
import { assertBuilt, eventually } from '../cli/helpers/spawn-cli.js';
import { callerIn, openHarness, type Harness } from './operation-harness.js';

interface Detail {
  run: { id: string; tenant: string; displayState: string; humanTask?: string; waitingAt?: string; parentRunId?: string; file: string; variables: Record<string, string>; outcome?: string };
  nodes: Array<{ nodeId: string; status: string }>;
  checkpoints: Array<{ seq: number; nextNode: string | null }>;
}

let h: Harness;
const started: string[] = [];
beforeAll(async () => {
  assertBuilt();
  h = await openHarness('orchestra-api-runs-');
  writeFileSync(join(h.project, 'small.dot'), smallPipeline);
  writeFileSync(join(h.project, 'gate.dot'), gatePipeline);
});
afterAll(async () => {
  // Any run a failed test left waiting is stopped before its folder goes.
  for (const runId of started) await h.call('runs.cancel', { runId }).catch(() => undefined);
  await h.store.close();
  rmSync(h.root, { recursive: true, force: true });
});

async function start(input: Record<string, unknown>): Promise<string> {
  const { runId } = (await h.call('runs.start', { project: h.project, simulate: true, ...input })) as { runId: string };
  started.push(runId);
  return runId;
}

const detail = (runId: string, tenant = 'acme') => h.call('runs.get', { runId }, callerIn(tenant)) as Promise<Detail>;

/** Polls runs.get until the run is in `state` (`waiting`: with its gate's human task created). */
function until(runId: string, state: string): Promise<Detail> {
  return eventually(async () => {
    const got = await detail(runId);
    return got.run.displayState === state && (state !== 'waiting' || got.run.humanTask !== undefined) ? got : undefined;
  }, `run ${runId} to be ${state}`);
}

describe('issue 12: run operations', () => {
  it('issue 12: runs.start drives a file of the project to completion in a detached process; runs.get shows its node history', async () => {
    const runId = await start({ file: 'small.dot', variables: { who: 'the team' } });
    const done = await until(runId, 'completed');
    expect(done.run).toMatchObject({ id: runId, tenant: 'acme', outcome: 'success', file: join(h.project, 'small.dot'), variables: { who: 'the team' } });
    const order = done.nodes.map((node) => node.nodeId);
    expect(order.indexOf('plan')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('build')).toBeGreaterThan(order.indexOf('plan'));
    expect(done.nodes.filter((node) => node.nodeId === 'plan' || node.nodeId === 'build').map((node) => node.status)).toEqual(['success', 'success']);
    expect(done.checkpoints.length).toBeGreaterThan(0);
  });

  it("issue 12: another tenant's run is E_RUN_NOT_FOUND and never listed", async () => {
    const runId = await start({ file: 'small.dot', variables: { who: 'x' } });
    await until(runId, 'completed');
    await expect(detail(runId, 'globex')).rejects.toMatchObject({ code: 'E_RUN_NOT_FOUND' });
    for (const op of ['runs.cancel', 'runs.resume']) await expect(h.call(op, { runId }, callerIn('globex'))).rejects.toMatchObject({ code: 'E_RUN_NOT_FOUND' });
    await expect(h.call('runs.answer', { runId, answer: { choice: 'ship' } }, callerIn('globex'))).rejects.toMatchObject({ code: 'E_RUN_NOT_FOUND' });
    const theirs = (await h.call('runs.list', {}, callerIn('globex'))) as { items: unknown[] };
    expect(theirs.items).toEqual([]);
    const ours = (await h.call('runs.list', { state: 'completed', limit: 1 })) as { items: Array<{ id: string }>; nextCursor?: string };
    expect(ours.items).toHaveLength(1);
    expect(ours.nextCursor).toBeDefined();
    const next = (await h.call('runs.list', { state: 'completed', limit: 1, cursor: ours.nextCursor })) as { items: Array<{ id: string }> };
    expect(next.items).toHaveLength(1);
    expect(next.items[0]!.id).not.toBe(ours.items[0]!.id);
  });

  it('issue 12: runs.start from DOT text waits at its gate; runs.answer answers its human task and the run completes', async () => {
    const runId = await start({ source: gatePipeline });
    const waiting = await until(runId, 'waiting');
    expect(waiting.run).toMatchObject({ waitingAt: 'review', humanTask: expect.stringMatching(/^h/), file: join(h.project, '(source).dot') });
    await expect(h.call('runs.answer', { runId, answer: { choice: 'nowhere' } })).rejects.toMatchObject({ code: 'E_FORM_INVALID' });
    expect(await h.call('runs.answer', { runId, answer: { choice: 'ship' } })).toEqual({ runId, humanTask: waiting.run.humanTask, nodeId: 'review' });
    const done = await until(runId, 'completed');
    expect(done.nodes.map((node) => node.nodeId)).toContain('ship');
    expect(done.nodes.map((node) => node.nodeId)).not.toContain('fix');
    await expect(h.call('runs.answer', { runId, answer: { choice: 'ship' } })).rejects.toMatchObject({ code: 'E_RUN_FINISHED' });
  });

  it('issue 12: runs.cancel interrupts a waiting run durably; runs.resume carries it on; an answer while nobody drives it lets the daemon resume it', async () => {
    const runId = await start({ file: 'gate.dot' });
    await until(runId, 'waiting');
    expect(await h.call('runs.cancel', { runId })).toEqual({ runId, displayState: 'interrupted', stopped: true });
    expect(await h.call('runs.cancel', { runId })).toEqual({ runId, displayState: 'interrupted', stopped: false });
    expect(await h.call('runs.resume', { runId })).toEqual({ runId });
    await until(runId, 'waiting');
    await expect(h.call('runs.resume', { runId })).rejects.toMatchObject({ code: 'E_RUN_LOCKED' });
    await h.call('runs.cancel', { runId });
    await h.call('runs.answer', { runId, answer: { choice: 'fix' } });
    // The daemon's part: a run nobody drives whose gate was answered is carried on.
    const resumer = startAnsweredRunResumer({ store: h.store, env: h.deps.env, log: { info() {}, error() {} }, intervalMs: 200 });
    try {
      const done = await until(runId, 'completed');
      expect(done.nodes.map((node) => node.nodeId)).toContain('fix');
    } finally {
      resumer.stop();
    }
  });

  it('issue 12: runs.replay forks a new run from a checkpoint; a checkpoint it lacks is E_CHECKPOINT_NOT_FOUND naming the field', async () => {
    const source = await start({ file: 'gate.dot' });
    await until(source, 'waiting');
    await h.call('runs.answer', { runId: source, answer: { choice: 'ship' } });
    const done = await until(source, 'completed');
    const first = done.checkpoints.find((checkpoint) => checkpoint.nextNode === 'review')!;
    const { runId } = (await h.call('runs.replay', { runId: source, checkpoint: first.seq })) as { runId: string };
    started.push(runId);
    expect(runId).not.toBe(source);
    const forked = await until(runId, 'waiting');
    expect(forked.run).toMatchObject({ parentRunId: source, tenant: 'acme', waitingAt: 'review' });
    await h.call('runs.cancel', { runId });
    await expect(h.call('runs.replay', { runId: source, checkpoint: 99 })).rejects.toMatchObject({ code: 'E_CHECKPOINT_NOT_FOUND', fields: [{ field: 'checkpoint', message: expect.any(String) }] });
  });

  it('issue 12: bad input names the field: a bad variable name, a reserved one, a file outside the project, an invalid pipeline', async () => {
    await expect(h.call('runs.start', { project: h.project, file: 'small.dot', variables: { 'bad-name': 'x' } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['variables', 'bad-name'] })] });
    await expect(h.call('runs.start', { project: h.project, file: 'small.dot', variables: { PATH: '/tmp' } })).rejects.toMatchObject({ code: 'E_VARIABLE', fields: [{ field: 'variables.PATH', message: expect.any(String) }] });
    await expect(h.call('runs.start', { project: h.project, file: '../home/orchestra.db' })).rejects.toMatchObject({ code: 'E_USAGE', fields: [{ field: 'file', message: 'is outside the project' }] });
    await expect(h.call('runs.start', { project: h.project, source: 'digraph X { a -> }' })).rejects.toMatchObject({ code: 'E_VALIDATION' });
    await expect(h.call('runs.get', { runId: 'Not-An-Id' })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['runId'] })] });
    await expect(h.call('runs.list', { state: 'done' })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['state'] })] });
    expect(((await h.call('runs.list', {}, callerIn('globex'))) as { items: unknown[] }).items).toEqual([]);
  });
});
