import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { openHomeStore } from '../../src/cli/testing/seed-runs.js';
import type { Store } from '../../src/store/store.js';
import { assertBuilt, runBin } from '../cli/helpers/spawn-cli.js';
import { scope } from './worker-project.js';

/*
 * `type="workflow"` nodes under `orchestra run` (issue 11): the node starts a workflow of the DOT
 * file's project and the run drives it to its end; its result lands in the context.
 */

const double = `
import { workflow, step, pipeline } from 'orchestra';

export const double = workflow('double', async (ctx, input: { n: number }) => {
  const n = await step(ctx, 'double', () => input.n * 2);
  return { n };
});

export const triple = workflow('triple', async (ctx, input: { n: number }) => ({ n: input.n * 3 }));

export const reviewed = workflow('reviewed', async (ctx, input: { n: number }) => {
  const run = await pipeline(ctx, 'pipelines/review.dot', { n: String(input.n) }, { context: ['tool.output'] });
  return { state: run.state, output: run.context['tool.output'], runId: run.runId };
});
`;

const pipeline = (name: string) => `digraph p {
  start [shape=Mdiamond]
  calc [type="workflow", workflow="${name}", input="{\\"n\\":21}"]
  done [shape=Msquare]
  start -> calc -> done
}
`;

let ws: Workspace;
let project: string;
let store: Store | undefined;
beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-wf-node-');
  project = join(ws.dir, 'project');
  mkdirSync(join(project, 'workflows'), { recursive: true });
  mkdirSync(join(project, 'pipelines'), { recursive: true });
  writeFileSync(join(project, 'orchestra.yaml'), '# a test project\n');
  writeFileSync(join(project, 'workflows', 'double.ts'), double);
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  ws.remove();
});

async function onlyRun(): Promise<{ id: string; state: string; context: Record<string, unknown> }> {
  store ??= await openHomeStore(ws.home);
  const runs = await store.listRuns();
  expect(runs).toHaveLength(1);
  const run = runs[0]!;
  return { id: run.id, state: run.state, context: (await store.latestCheckpoint(run.id))?.context ?? {} };
}

describe('type="workflow" nodes in orchestra run', () => {
  it('issue 11: orchestra run --simulate starts the workflow of the DOT file\'s project and puts its result in the context', async () => {
    // In a subfolder, run from elsewhere: the project is found from the DOT file, not the cwd.
    writeFileSync(join(project, 'pipelines', 'p.dot'), pipeline('double'));
    const result = await runBin(['run', join(project, 'pipelines', 'p.dot'), '--simulate', '--quiet'], { cwd: ws.dir, home: ws.home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const run = await onlyRun();
    expect(run.state).toBe('completed');
    expect(run.context['calc.result']).toEqual({ n: 42 });
    const instanceId = run.context['calc.workflow_id'] as string;
    // Pinned like an instance `workflow start` makes: a worker taking it over runs the same code.
    expect(await store!.getWorkflow(scope, instanceId)).toMatchObject({ name: 'double', status: 'completed', result: { n: 42 }, projectDir: realpathSync(project), version: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const detail = await runBin(['runs', run.id, '--detail'], { cwd: ws.dir, home: ws.home });
    expect(detail.stdout).toMatch(new RegExp(`calc +1 +success .*Workflow "double" \\(instance ${instanceId.replace(/\./g, '\\.')}\\) completed`));
  }, 60_000);

  it('issue 11: a workflow a DOT node starts can run a pipeline() of its project: a child run with its own record and logs', async () => {
    writeFileSync(join(project, 'pipelines', 'p.dot'), pipeline('reviewed'));
    writeFileSync(join(project, 'pipelines', 'review.dot'), 'digraph review {\n  start [shape=Mdiamond]\n  check [shape=parallelogram, tool_command="echo reviewed $n"]\n  done [shape=Msquare]\n  start -> check -> done\n}\n');
    const result = await runBin(['run', join(project, 'pipelines', 'p.dot'), '--quiet'], { cwd: ws.dir, home: ws.home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    store ??= await openHomeStore(ws.home);
    const runs = await store.listRuns();
    expect(runs).toHaveLength(2);
    const parent = runs.find((run) => run.pipeline === 'p')!;
    const context = (await store.latestCheckpoint(parent.id))?.context ?? {};
    const child = context['calc.result'] as { state: string; output: string; runId: string };
    expect(child).toMatchObject({ state: 'completed', output: expect.stringContaining('reviewed 21') });
    expect(runs.find((run) => run.id === child.runId)).toMatchObject({ pipeline: 'review', state: 'completed' });
    expect(existsSync(runs.find((run) => run.id === child.runId)!.logsRoot)).toBe(true);
    expect(runs.find((run) => run.id === child.runId)!.logsRoot.startsWith(join(ws.home, 'runs'))).toBe(true);
  }, 60_000);

  it('issue 11: an unknown workflow name fails the node with a message naming the known workflows, and starts nothing', async () => {
    writeFileSync(join(project, 'p.dot'), pipeline('halve'));
    const result = await runBin(['run', 'p.dot', '--simulate'], { cwd: project, home: ws.home });
    expect(result.code).not.toBe(0);
    const run = await onlyRun();
    expect(run.state).toBe('failed');
    const output = result.stdout + result.stderr;
    expect(output).toContain(`could not start workflow "halve": there is no workflow "halve" in ${project} (known: double, reviewed, triple)`);
    expect(await store!.listWorkflows(scope)).toEqual([]);
  }, 60_000);
});
