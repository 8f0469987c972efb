// Orchestra's side of the code-first workflow benchmark (issue 11), as a whole process like the
// LangGraph peer (workflows-langgraph.js): a SQLite store in DB. `many` is a batch of work arriving
// at once (a thousand tickets imported, a burst of API calls): the starts are issued together, each
// stored durably, while the worker loop (runWorkflowWorker with its defaults, woken by the store's
// commits) claims and drives the instances (lease, replay, journal); timed until every one completed.
// `long` starts one instance and drives it the way a worker does (runInstance).
//   node bench/workflows-orchestra.js many WORKFLOWS STEPS DB   (WORKFLOWS instances of STEPS steps)
//   node bench/workflows-orchestra.js long STEPS DB             (one instance of STEPS steps)
// Each step returns a small JSON value, journaled before the next runs; prints elapsed ms as JSON.
import { authenticateLocal, openSqliteStore, step, workflow } from '../dist/index.js';
import { watchStoreChanges } from '../dist/store/sqlite/index.js';
import { runInstance, startWorkflow } from '../dist/workflows/runtime/index.js';
import { runWorkflowWorker } from '../dist/services/workflows/worker/index.js';
import { systemClock } from '../dist/core/clock.js';

const [mode, first, second, third] = process.argv.slice(2);
const dbPath = mode === 'many' ? third : second;
const store = await openSqliteStore(dbPath);
const deps = { store, scope: authenticateLocal({ env: {} }), clock: systemClock, owner: `bench-${process.pid}` };

const flow = workflow('bench', async (ctx, input) => {
  let done = 0;
  for (let i = 0; i < input.steps; i++) if ((await step(ctx, 'step', () => ({ step: i, value: `result ${i}` }))).step === i) done++;
  return done;
});

async function runOne(id, steps) {
  await startWorkflow(deps, flow, { steps }, { id });
  const outcome = await runInstance(deps, flow, id);
  if (outcome.status !== 'completed' || outcome.instance?.result !== steps) throw new Error(`orchestra ran ${id} to ${outcome.status} with ${JSON.stringify(outcome.instance?.result)}, not ${steps} steps`);
}

/** Starts `workflows` instances at once while one worker drives them; resolves when all completed. */
async function runMany(workflows, steps) {
  const stop = new AbortController();
  let completed = 0;
  const found = { loaded: { definition: flow, file: 'bench', versionHash: 'bench' }, pinned: true };
  // As `orchestra worker` runs it: woken by the store's commits (store-changes.ts).
  const changes = watchStoreChanges(dbPath);
  const worker = runWorkflowWorker({
    store, clock: systemClock, owner: deps.owner, signal: stop.signal, log: console, changes,
    find: async () => found,
    ports: () => ({}),
    onRun(instance, outcome) {
      if (outcome.status !== 'completed' || outcome.instance?.result !== steps) throw new Error(`orchestra ran ${instance.id} to ${outcome.status} with ${JSON.stringify(outcome.instance?.result)}, not ${steps} steps`);
      if (++completed === workflows) stop.abort();
    },
  });
  await Promise.all(Array.from({ length: workflows }, (_, i) => startWorkflow(deps, flow, { steps }, { id: `wf-${i}` })));
  await worker;
  changes.close();
  if (completed !== workflows) throw new Error(`orchestra completed ${completed} of ${workflows} workflows`);
}

const started = performance.now();
if (mode === 'many') {
  await runMany(Number(first), Number(second));
} else if (mode === 'long') {
  await runOne('long', Number(first));
} else {
  throw new Error(`usage: workflows-orchestra.js many WORKFLOWS STEPS DB | long STEPS DB (got ${mode})`);
}
const elapsed = performance.now() - started;
await store.close();
console.log(JSON.stringify({ ms: elapsed }));
