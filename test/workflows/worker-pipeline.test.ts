import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, eventually, killGroup, runBin, spawnCli, type Spawned } from '../cli/helpers/spawn-cli.js';
import { createWorkerProject, scope, type WorkerProject } from './worker-project.js';

/*
 * pipeline() in a workflow run by `orchestra worker` (issue 11): the child run is a DOT file of the
 * instance's project, run by the engine as `orchestra run --detach` would (tool nodes: no model).
 */

const reviewer = `
import { workflow, pipeline } from 'orchestra';

export const reviewer = workflow('reviewer', async (ctx, input: { topic: string }) => {
  const run = await pipeline(ctx, 'review.dot', { topic: input.topic }, { context: ['tool.output'] });
  return { runId: run.runId, state: run.state, status: run.status, output: run.context['tool.output'] };
});

export const publisher = workflow('publisher', async (ctx) => {
  const run = await pipeline(ctx, 'pipelines/publish.dot', {}, { context: ['tool.output'] });
  return { status: run.status, output: run.context['tool.output'] };
});

export const escaper = workflow('escaper', async (ctx) => {
  const run = await pipeline(ctx, '../outside.dot');
  return run.state;
});
`;

const reviewDot = `digraph review {
  start [shape=Mdiamond]
  check [shape=parallelogram, tool_command="echo reviewed $topic"]
  done [shape=Msquare]
  start -> check -> done
}
`;

/** A gate in the child run: nobody is at a terminal, so it waits for its human task. */
const publishDot = `digraph publish {
  start [shape=Mdiamond]
  gate [shape=hexagon, label="Publish it?"]
  yes [shape=parallelogram, tool_command="echo published"]
  no [shape=parallelogram, tool_command="echo held"]
  done [shape=Msquare]
  start -> gate
  gate -> yes [label="[Y] Yes"]
  gate -> no [label="[N] No"]
  yes -> done
  no -> done
}
`;

let wp: WorkerProject;
let running: Spawned | undefined;
beforeEach(() => {
  assertBuilt();
  wp = createWorkerProject();
  writeFileSync(join(wp.project, 'workflows', 'reviewer.ts'), reviewer);
  writeFileSync(join(wp.project, 'review.dot'), reviewDot);
  mkdirSync(join(wp.project, 'pipelines'));
  writeFileSync(join(wp.project, 'pipelines', 'publish.dot'), publishDot);
  // What escaper names: a real pipeline, but outside the project.
  writeFileSync(join(wp.project, '..', 'outside.dot'), reviewDot);
});
afterEach(() => {
  killGroup(running?.child.pid);
  running = undefined;
  wp.remove();
});

describe('pipeline() in the worker', () => {
  it('issue 11: the worker runs pipeline(ctx, "review.dot", vars) from the project folder, logs under $ORCHESTRA_HOME/runs, and returns its context', async () => {
    running = spawnCli(['worker'], { cwd: wp.project, home: wp.home });
    await wp.start('reviewer', { topic: 'docs' }, 'r-1');
    await running.waitForStdout(/reviewer r-1 {2}completed: (.*)/);
    const result = JSON.parse(/reviewer r-1 {2}completed: (.*)/.exec(running.stdout())![1]!) as Record<string, unknown>;
    expect(result).toMatchObject({ runId: 'wf-r-1-0', state: 'completed', status: 'success' });
    expect(String(result.output).trim()).toBe('reviewed docs');
    const store = await wp.store();
    expect(await store.getRun('wf-r-1-0')).toMatchObject({ state: 'completed', tenant: scope.tenant });
    expect(existsSync(join(wp.home, 'runs', 'wf-r-1-0'))).toBe(true);
  }, 60_000);

  it('issue 11: a pipeline file outside the project is refused with a clear error and never run', async () => {
    running = spawnCli(['worker'], { cwd: wp.project, home: wp.home });
    await wp.start('escaper', {}, 'e-1');
    await running.waitForStdout(/escaper e-1 {2}failed: (.*)/);
    expect(/escaper e-1 {2}failed: (.*)/.exec(running.stdout())![1]).toContain(`pipeline file "../outside.dot" is outside the workflow's project ${wp.project}`);
    expect(await (await wp.store()).getRun('wf-e-1-0')).toBeUndefined();
    expect(existsSync(join(wp.home, 'runs')) ? readdirSync(join(wp.home, 'runs')) : []).toEqual([]);
  }, 60_000);

  it('issue 11: a gate in the child pipeline becomes a human task; orchestra answer lets the run and the workflow finish', async () => {
    running = spawnCli(['worker'], { cwd: wp.project, home: wp.home });
    await wp.start('publisher', {}, 'g-1');
    const store = await wp.store();
    const task = await eventually(async () => (await store.listHumanTasks(scope)).tasks.find((t) => t.status === 'open'), 'the gate task of the child run');
    expect(task).toMatchObject({ title: 'Publish it?', createdBy: { kind: 'run', runId: 'wf-g-1-0', nodeId: 'gate' } });
    const answered = await runBin(['answer', task.id, 'choice=yes'], { cwd: wp.project, home: wp.home });
    expect(answered.code, answered.stderr).toBe(0);
    await running.waitForStdout(/publisher g-1 {2}completed: (.*)/);
    const result = JSON.parse(/publisher g-1 {2}completed: (.*)/.exec(running.stdout())![1]!) as { status: string; output: string };
    expect(result.status).toBe('success');
    expect(result.output.trim()).toBe('published');
  }, 60_000);
});
