// Code-first workflows (issue 11), from `npm run bench` (section `workflows`) or alone
// (`npm run build && node bench/workflows.js`): Orchestra's workflow runtime against LangGraph JS's
// functional API (entrypoint + task, SQLite checkpointer, durability "sync"), each a whole process
// timing its own work after module loading: 1,000 workflows of 10 journaled steps, and one workflow
// of 10,000 steps; per-step cost of the long one against a 100-step one (flat in steps journaled).
// Smaller while working: BENCH_WF_MANY=100 BENCH_WF_LONG=1000 BENCH_ROUNDS=1 node bench/workflows.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const MANY = Number(process.env.BENCH_WF_MANY ?? 1000);
const STEPS = Number(process.env.BENCH_WF_STEPS ?? 10);
const LONG = Number(process.env.BENCH_WF_LONG ?? 10_000);
const SHORT = Number(process.env.BENCH_WF_SHORT ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** One side's script in a fresh temp dir (its SQLite file there); the ms it printed. */
function side(script, args) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wf-'));
  try {
    const result = spawnSync(process.execPath, [join(import.meta.dirname, script), ...args.map(String), join(dir, 'bench.db')], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`);
    return JSON.parse(result.stdout.trim().split('\n').at(-1)).ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function best(fn, rounds = ROUNDS) {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) min = Math.min(min, fn());
  return min;
}

const orchestra = (args) => best(() => side('workflows-orchestra.js', args));
const langgraph = (args) => best(() => side('workflows-langgraph.js', args));
const perStep = (ms, steps) => `${(ms / steps).toFixed(3)} ms/step`;
const verdict = (ok, below) => (ok ? 'OK' : below);

function versus(label, args, steps) {
  const ours = orchestra(args);
  const theirs = langgraph(args);
  const ratio = theirs / ours;
  console.log(`${label.padEnd(34)} orchestra ${perStep(ours, steps).padStart(15)}   langgraph ${perStep(theirs, steps).padStart(15)}   ${ratio.toFixed(1)}x faster per step (target >= 5x) ${verdict(ratio >= 5, 'BELOW TARGET')}`);
  return ours;
}

console.log(`\nWorkflows: best of ${ROUNDS}, whole processes, SQLite in a temp dir; load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} (2 cores: other work inflates every figure)`);
console.log('orchestra: the starts issued at once while a worker loop (its defaults: 32 at once) drives them, or one instance driven as a worker does; a step journaled durably (synchronous=FULL) before the next');
console.log('langgraph: entrypoint + task, SqliteSaver, durability "sync", 32 invocations at a time');
// Why the figures are close when the disk is slow: an fsync per step is most of Orchestra's cost.
console.log('  (better-sqlite3 opens WAL with synchronous=NORMAL, so the peer\'s commits are not fsynced: they survive a process kill, not a power cut; each Orchestra journal entry is fsynced)');
versus(`${MANY} workflows x ${STEPS} steps`, ['many', MANY, STEPS], MANY * STEPS);
const long = versus(`one workflow of ${LONG} steps`, ['long', LONG], LONG) / LONG;
const short = orchestra(['long', SHORT]) / SHORT;
console.log(`per step, ${LONG} vs ${SHORT}-step workflow:    ${long.toFixed(3)} vs ${short.toFixed(3)} ms/step = ${(long / short).toFixed(2)}x (target <= 1.5x) ${verdict(long / short <= 1.5, 'ABOVE TARGET')}`);

// From an answer to the next step: a real `orchestra worker`, the real CLI answering (bench/workflow-answer-latency.js).
const { answerLatency } = await import('./workflow-answer-latency.js');
const latency = answerLatency();
console.log(`orchestra answer -> next step starts: median ${latency.median} ms, max ${latency.max} ms over ${latency.count} answers (target median < 50 ms) ${verdict(latency.median < 50, 'ABOVE TARGET')}`);
