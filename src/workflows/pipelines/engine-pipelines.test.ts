import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulationBackend, type SimulationBackend } from '../../agents/simulation/index.js';
import type { EngineOptions } from '../../engine/runner.js';
import { createAutoApproveInterviewer } from '../../humans/interviewers/auto-approve-interviewer.js';
import { workflow } from '../definition.js';
import { fireWorkflowTimer } from '../runtime/control.js';
import type { WorkflowDeps } from '../runtime/deps.js';
import { pipeline, pipelineRunId } from '../runtime/pipeline.js';
import { runInstance } from '../runtime/run-instance.js';
import { sleep } from '../runtime/sleep.js';
import { startWorkflow } from '../runtime/start-workflow.js';
import { step } from '../runtime/step.js';
import { openHarness, type Harness } from '../runtime/testing/harness.js';
import { enginePipelines } from './engine-pipelines.js';

const review = `digraph Review {
  start [shape=Mdiamond]
  work [prompt="Review $change"]
  done [shape=Msquare]
  start -> work -> done
}`;

let h: Harness;
let dir: string;
let sim: SimulationBackend;
beforeEach(async () => {
  h = await openHarness();
  dir = await mkdtemp(join(tmpdir(), 'orchestra-wf-pipelines-'));
  await writeFile(join(dir, 'review.dot'), review);
  sim = createSimulationBackend({ responses: { work: { outcome: { status: 'success', contextUpdates: { verdict: 'approve' } }, response: 'LGTM' } } });
});
afterEach(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

function engine(overrides: Partial<EngineOptions> = {}): EngineOptions {
  return { store: h.store, backend: sim, interviewer: createAutoApproveInterviewer(), runsDir: join(dir, 'runs'), clock: h.clock, ...overrides };
}

function deps(options: Partial<EngineOptions> = {}, owner?: string): WorkflowDeps {
  return { ...h.deps(owner), pipelines: enginePipelines(engine(options), { baseDir: dir }) };
}

const reviewer = workflow('reviewer', async (ctx, input: { change: string }) => {
  const outcome = await pipeline(ctx, 'review.dot', { change: input.change }, { context: ['verdict', 'missing'] });
  await sleep(ctx, '1h');
  return step(ctx, 'report', () => ({ verdict: outcome.context['verdict'] ?? null, status: outcome.status, runId: outcome.runId }));
});

async function wake(id: string): Promise<void> {
  h.clock.advance(7_200_000);
  for (const timer of await h.store.claimDueTimers('sweeper', h.clock.now(), 30_000, 10)) if (timer.subjectId === id) await fireWorkflowTimer(h.deps(), timer, 'sweeper');
}

describe('pipeline()', () => {
  it('issue 11: runs the DOT file as a child run in the workflow tenant and returns its outcome; the replay does not run it again', async () => {
    await startWorkflow(deps(), reviewer, { change: 'PR 7' }, { id: 'p1' });
    expect(await runInstance(deps(), reviewer, 'p1')).toMatchObject({ status: 'waiting' });
    const runId = pipelineRunId('p1', 0);
    expect(await h.store.getRun(runId)).toMatchObject({ state: 'completed', outcome: 'success', tenant: 'acme', variables: { change: 'PR 7' }, pipeline: 'Review' });
    expect(sim.requests.map((r) => r.prompt)).toEqual(['Review PR 7']);
    expect((await h.store.readJournal(h.scope, 'p1'))[0]).toMatchObject({ kind: 'pipeline', name: 'review.dot', result: { runId, state: 'completed', status: 'success', context: { verdict: 'approve' } } });

    await wake('p1');
    expect(await runInstance(deps({}, 'worker-2'), reviewer, 'p1')).toMatchObject({ status: 'completed', instance: { result: { verdict: 'approve', status: 'success', runId } } });
    expect(sim.requests).toHaveLength(1);
    expect((await h.store.listRuns()).map((r) => r.id)).toEqual([runId]);
  });

  it('issue 11: a crash after the child run finished and before it was journaled finds the same run and does not start a second one', async () => {
    const runId = pipelineRunId('p2', 0);
    // What the crashed worker did: the run, to its end, under the id the call derives.
    await enginePipelines(engine(), { baseDir: dir }).run({ runId, workflowId: 'p2', tenant: 'acme', file: 'review.dot', variables: { change: 'PR 8' } });
    await startWorkflow(deps(), reviewer, { change: 'PR 8' }, { id: 'p2' });
    expect(await runInstance(deps(), reviewer, 'p2')).toMatchObject({ status: 'waiting' });
    expect(sim.requests).toHaveLength(1);
    expect((await h.store.readJournal(h.scope, 'p2'))[0]).toMatchObject({ kind: 'pipeline', result: { runId, context: { verdict: 'approve' } } });
    expect(await h.store.listRuns()).toHaveLength(1);
  });

  it('issue 11: a child run interrupted with its worker is resumed by the next replay, not started again', async () => {
    const stop = new AbortController();
    const onEvent: EngineOptions['onEvent'] = (event) => {
      if (event.type === 'node.started' && event.node === 'work') stop.abort();
    };
    await startWorkflow(deps(), reviewer, { change: 'PR 9' }, { id: 'p3' });
    // The worker shuts down while the run is at `work`: nothing is journaled, the instance stays running.
    expect(await runInstance(deps({ signal: stop.signal, onEvent }), reviewer, 'p3')).toMatchObject({ status: 'superseded' });
    const runId = pipelineRunId('p3', 0);
    expect(await h.store.getRun(runId)).toMatchObject({ state: 'interrupted' });
    expect(await h.store.readJournal(h.scope, 'p3')).toEqual([]);
    expect(await h.store.getWorkflow(h.scope, 'p3')).toMatchObject({ status: 'running' });

    expect(await runInstance(deps({}, 'worker-2'), reviewer, 'p3')).toMatchObject({ status: 'waiting' });
    expect(await h.store.getRun(runId)).toMatchObject({ state: 'completed', outcome: 'success' });
    const starts = (await h.store.readEvents(runId, 0)).filter((e) => e.type === 'run.started');
    expect(starts.map((e) => (e as { resumed?: boolean }).resumed ?? false)).toEqual([false, true]);
    expect(await h.store.listRuns()).toHaveLength(1);
  });

  it('issue 11: a pipeline file that does not exist fails the call with the file named, journaled as the call error', async () => {
    const missing = workflow('missing', async (ctx) => {
      try {
        await pipeline(ctx, 'nope.dot');
        return 'ran';
      } catch (error) {
        return (error as Error).message;
      }
    });
    await startWorkflow(deps(), missing, null, { id: 'p4' });
    const outcome = await runInstance(deps(), missing, 'p4');
    expect(outcome).toMatchObject({ status: 'completed' });
    expect(String(outcome.instance?.result)).toContain(join(dir, 'nope.dot'));
    expect((await h.store.readJournal(h.scope, 'p4'))[0]).toMatchObject({ kind: 'pipeline', name: 'nope.dot', error: { code: 'E_FILE_NOT_FOUND' } });
  });
});
