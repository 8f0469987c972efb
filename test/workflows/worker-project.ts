import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { openHomeStore } from '../../src/cli/testing/seed-runs.js';
import { authenticateLocal } from '../../src/services/auth/index.js';
import type { Store } from '../../src/store/store.js';
import { loadWorkflows, requireWorkflow } from '../../src/workflows/loader/index.js';
import { startWorkflow } from '../../src/workflows/runtime/index.js';

/*
 * A project for the worker's crash tests (issue 11): workflows whose steps append a line to a file
 * (the side effect counted), and a way to start instances as `workflow start` will (pinned to the
 * loaded version, recording the project folder).
 */

const workflows = `
import { appendFileSync } from 'node:fs';
import { workflow, step, sleep, task, agent, child } from 'orchestra';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 20 steps; each appends "<step> <pid>" to input.log and takes a little while after it. */
export const twenty = workflow('twenty', async (ctx, input: { log: string; stepMs: number }) => {
  let total = 0;
  for (let i = 0; i < 20; i++) {
    total += await step(ctx, \`step \${i}\`, async () => {
      appendFileSync(input.log, \`\${ctx.workflowId} \${i} \${process.pid}\\n\`);
      await pause(input.stepMs);
      return i;
    });
  }
  return { total };
});

export const napper = workflow('napper', async (ctx, input: { log: string }) => {
  await sleep(ctx, '2s');
  await step(ctx, 'after sleep', () => { appendFileSync(input.log, \`\${ctx.workflowId} woke \${Date.now()}\\n\`); return true; });
  return 'rested';
});

export const doubler = workflow('doubler', async (ctx, input: { n: number }) => step(ctx, 'double', () => input.n * 2));

/** agent() through the project's backend (the simulation: no model configured) and a child workflow. */
export const parent = workflow('parent', async (ctx, input: { log: string }) => {
  const reply = await agent(ctx, { prompt: 'Say hello' });
  const doubled = await child(ctx, 'doubler', { n: 21 });
  return { agent: reply.status, doubled };
});

export const asker = workflow('asker', async (ctx, input: { log: string }) => {
  const reply = await task(ctx, { title: 'Pick a colour', form: { colour: { type: 'text', required: true } } });
  await step(ctx, 'after answer', () => { appendFileSync(input.log, \`\${ctx.workflowId} answer \${JSON.stringify(reply.data)} \${Date.now()}\\n\`); return true; });
  return reply.data;
});
`;

export interface WorkerProject extends Workspace {
  project: string;
  log: string;
  start(name: string, input: Record<string, unknown>, id: string): Promise<void>;
  store(): Promise<Store>;
}

export const scope = authenticateLocal({ env: {} });

export function createWorkerProject(): WorkerProject {
  const ws = createWorkspace('orchestra-wf-worker-');
  const project = join(ws.dir, 'project');
  mkdirSync(join(project, 'workflows'), { recursive: true });
  mkdirSync(ws.home, { recursive: true, mode: 0o700 });
  writeFileSync(join(project, 'orchestra.yaml'), '# a test project\n');
  writeFileSync(join(project, 'workflows', 'crash.ts'), workflows);
  const log = join(ws.dir, 'effects.log');
  writeFileSync(log, '');
  let opened: Store | undefined;
  const store = async () => (opened ??= await openHomeStore(ws.home));
  return {
    ...ws,
    project,
    log,
    store,
    async start(name, input, id) {
      const registry = await loadWorkflows(project);
      const loaded = requireWorkflow(registry, name);
      await startWorkflow({ store: await store(), scope, clock: { now: Date.now, sleep: () => Promise.resolve() }, owner: 'test' }, loaded.definition, input, { id, version: loaded.versionHash, projectDir: project });
    },
    remove() {
      void opened?.close();
      ws.remove();
    },
  };
}
