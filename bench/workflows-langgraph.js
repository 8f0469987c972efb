// The peer for code-first workflows (issue 11): LangGraph JS's functional API, `entrypoint` and
// `task` with its SQLite checkpointer and synchronous durability, the closest code-first durable
// workflow engine that runs here. Run as a whole process, as Orchestra's side is:
//   node bench/workflows-langgraph.js many WORKFLOWS STEPS DB   (WORKFLOWS instances of STEPS steps)
//   node bench/workflows-langgraph.js long STEPS DB             (one instance of STEPS steps)
// Each step returns a small JSON value, as a journaled step() does; prints elapsed ms as JSON.
import { entrypoint, task } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';

const [mode, first, second, third] = process.argv.slice(2);
const dbPath = mode === 'many' ? third : second;
const saver = SqliteSaver.fromConnString(dbPath);
const step = task('step', async (i) => ({ step: i, value: `result ${i}` }));
const flow = entrypoint({ checkpointer: saver, name: 'bench' }, async (steps) => {
  let done = 0;
  for (let i = 0; i < steps; i++) if ((await step(i)).step === i) done++;
  return done;
});

async function runOne(threadId, steps) {
  const done = await flow.invoke(steps, { configurable: { thread_id: threadId }, durability: 'sync' });
  if (done !== steps) throw new Error(`langgraph ran ${done} of ${steps} steps`);
}

const started = performance.now();
if (mode === 'many') {
  const [workflows, steps] = [Number(first), Number(second)];
  // As many at a time as Orchestra's worker drives (its default concurrency, 32): better-sqlite3 is
  // synchronous, so this changes little for the peer (8 at a time and one at a time measured the same).
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < workflows) await runOne(`wf-${next++}`, steps);
  }));
} else if (mode === 'long') {
  await runOne('long', Number(first));
} else {
  throw new Error(`usage: workflows-langgraph.js many WORKFLOWS STEPS DB | long STEPS DB (got ${mode})`);
}
saver.db.close();
console.log(JSON.stringify({ ms: performance.now() - started }));
