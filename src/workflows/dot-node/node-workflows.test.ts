import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulationBackend } from '../../agents/simulation/index.js';
import { systemClock } from '../../core/clock.js';
import { resumeRun, startRun, type EngineOptions } from '../../engine/runner.js';
import { createAutoApproveInterviewer } from '../../humans/interviewers/auto-approve-interviewer.js';
import { workflow, type WorkflowDefinition } from '../definition.js';
import { signalWorkflow } from '../runtime/control.js';
import type { WorkflowDeps } from '../runtime/deps.js';
import { waitForSignal } from '../runtime/signals.js';
import { step } from '../runtime/step.js';
import { openHarness, type Harness } from '../runtime/testing/harness.js';
import { nodeWorkflows } from './node-workflows.js';

const greet = workflow('greet', async (ctx, input: { name: string }) => step(ctx, 'greet', () => ({ greeting: `Hello ${input.name}` })));
const refuse = workflow('refuse', async (ctx) => {
  await step(ctx, 'check', () => {
    throw Object.assign(new Error('not allowed'), { code: 'E_POLICY' });
  });
});
const approval = workflow('approval', async (ctx) => {
  const answer = await waitForSignal<string>(ctx, 'approve');
  return { by: answer.received ? answer.payload : null };
});
const definitions = (name: string) => ({ greet, refuse, approval } as unknown as Record<string, WorkflowDefinition>)[name];

const dot = (name: string, input: string) => `digraph P {
  start [shape=Mdiamond]
  ship [type="workflow", workflow="${name}", input=${JSON.stringify(input)}]
  done [shape=Msquare]
  start -> ship -> done
}`;

let h: Harness;
let dir: string;
beforeEach(async () => {
  h = await openHarness();
  dir = await mkdtemp(join(tmpdir(), 'orchestra-wf-node-'));
});
afterEach(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

function engine(deps: WorkflowDeps = h.deps(), overrides: Partial<EngineOptions> = {}): EngineOptions {
  return {
    store: h.store, backend: createSimulationBackend(), interviewer: createAutoApproveInterviewer(), runsDir: join(dir, 'runs'),
    workflows: nodeWorkflows({ deps, definitions, recheckMs: 10 }), ...overrides,
  };
}

async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('type="workflow" nodes', () => {
  it('issue 11: the node starts the workflow with its input, waits for it and puts its result in <node>.result', async () => {
    const handle = await startRun({ file: join(dir, 'p.dot'), source: dot('greet', '{"name": "Ann"}') }, engine());
    expect(await handle.result()).toMatchObject({ state: 'completed', outcome: 'success' });
    const checkpoint = await h.store.latestCheckpoint(handle.runId);
    expect(checkpoint?.context['ship.result']).toEqual({ greeting: 'Hello Ann' });
    const id = String(checkpoint?.context['ship.workflow_id']);
    expect(id.startsWith(`${handle.runId}.ship.`)).toBe(true);
    expect(await h.store.getWorkflow(h.scope, id)).toMatchObject({ name: 'greet', status: 'completed', input: { name: 'Ann' } });
  });

  it('issue 11: a workflow that fails fails the node with its error; an unknown workflow fails it naming the name', async () => {
    const failed = await startRun({ file: join(dir, 'p.dot'), source: dot('refuse', '') }, engine());
    expect((await failed.result()).error?.message).toMatch(/^Node "ship" failed: Workflow "refuse" \(instance .+\) failed: not allowed \[E_POLICY\]/);
    const unknown = await startRun({ file: join(dir, 'p.dot'), source: dot('nothing', '') }, engine());
    expect((await unknown.result()).error?.message).toContain('Workflow node "ship" could not start workflow "nothing": there is no workflow "nothing"');
  });

  it('issue 11: a run interrupted while its workflow waits finds the same instance when resumed, and finishes with it', async () => {
    const deps: WorkflowDeps = { ...h.deps(), clock: systemClock };
    const stop = new AbortController();
    const handle = await startRun({ file: join(dir, 'p.dot'), source: dot('approval', '') }, engine(deps, { signal: stop.signal }));
    const waiting = await until('the instance to wait', async () => (await h.store.listWorkflows(h.scope, { name: 'approval', status: ['waiting'] }))[0]);
    stop.abort();
    expect(await handle.result()).toMatchObject({ state: 'interrupted' });
    await signalWorkflow(deps, waiting.id, 'approve', 'rel');
    const resumed = await resumeRun(handle.runId, engine(deps));
    expect(await resumed.result()).toMatchObject({ state: 'completed' });
    expect((await h.store.latestCheckpoint(handle.runId))?.context['ship.result']).toEqual({ by: 'rel' });
    expect((await h.store.listWorkflows(h.scope, { name: 'approval' })).map((w) => w.id)).toEqual([waiting.id]);
  });

  it('issue 11: a run without the workflow runtime fails the node with a clear reason', async () => {
    const { workflows: _none, ...without } = engine();
    const handle = await startRun({ file: join(dir, 'p.dot'), source: dot('greet', '{"name": "Ann"}') }, without);
    expect((await handle.result()).error?.message).toContain('Workflow node "ship" starts workflow "greet", but this run was started without the workflow runtime');
  });
});
