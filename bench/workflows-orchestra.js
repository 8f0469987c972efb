// Orchestra's side of the code-first workflow benchmark (issue 11), as a whole process like the
// LangGraph peer (workflows-langgraph.js): a SQLite store in DB, and each instance started and
// driven the way a worker does it (startWorkflow, then runInstance: lease, replay, journal).
//   node bench/workflows-orchestra.js many WORKFLOWS STEPS DB   (WORKFLOWS instances of STEPS steps)
//   node bench/workflows-orchestra.js long STEPS DB             (one instance of STEPS steps)
// Each step returns a small JSON value, journaled before the next runs; prints elapsed ms as JSON.
import { authenticateLocal, openSqliteStore, step, workflow } from '../dist/index.js';
import { runInstance, startWorkflow } from '../dist/workflows/runtime/index.js';
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

const started = performance.now();
if (mode === 'many') {
  const [workflows, steps] = [Number(first), Number(second)];
  for (let i = 0; i < workflows; i++) await runOne(`wf-${i}`, steps);
} else if (mode === 'long') {
  await runOne('long', Number(first));
} else {
  throw new Error(`usage: workflows-orchestra.js many WORKFLOWS STEPS DB | long STEPS DB (got ${mode})`);
}
const elapsed = performance.now() - started;
await store.close();
console.log(JSON.stringify({ ms: elapsed }));
