// `npm run bench`: Orchestra against LangGraph JS as whole processes, as users run them, in the same
// run on the same machine; per-node cost of a long chain against a short one; cold CLI start; parse
// + validate of a 10,000-node pipeline; then the tasks benchmark. Prints figures and ratios beside
// their targets, not verdicts from a timed test: every figure moves with the machine's load.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chainDot, coldCommand, fanDot, langgraphRun, nodeFloor, orchestraRun } from './processes.js';
import { parseAndValidate } from './parse-validate.js';
import { fsFloor } from './fs-floor.js';

// Smaller, quicker runs while working: BENCH_CHAIN=200 BENCH_FAN=20 BENCH_LONG=2000 BENCH_ROUNDS=1 npm run bench
const CHAIN = Number(process.env.BENCH_CHAIN ?? 1000);
const FAN = Number(process.env.BENCH_FAN ?? 100);
const SHORT = Number(process.env.BENCH_SHORT ?? 100);
const LONG = Number(process.env.BENCH_LONG ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Some sections only: BENCH_SECTIONS=scaling,cold (of peers, scaling, cold, parse, workflows, tasks, api).
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'peers,scaling,cold,parse,workflows,tasks,api').split(','));

function best(fn, rounds = ROUNDS) {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) min = Math.min(min, fn());
  return min;
}

const ms = (value) => `${value.toFixed(0)} ms`;
const verdict = (ok, below = 'BELOW TARGET') => (ok ? 'OK' : below);

function versus(name, ours, theirs, target) {
  const ratio = theirs / ours;
  console.log(`${name.padEnd(34)} orchestra ${ms(ours).padStart(8)}   langgraph ${ms(theirs).padStart(8)}   ${ratio.toFixed(1)}x faster (target >= ${target}x) ${verdict(ratio >= target)}`);
}

console.log(`Whole processes, best of ${ROUNDS}; load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} (2 cores: other work on the machine inflates every figure)`);
console.log('orchestra: node bin/orchestra.js run X.dot --simulate, SQLite store in a temp ORCHESTRA_HOME; langgraph: a node script, SqliteSaver, durability "sync"');

if (SECTIONS.has('peers')) {
  versus(`chain of ${CHAIN} prompt= nodes`, best(() => orchestraRun(chainDot(CHAIN), CHAIN + 2)), best(() => langgraphRun('chain', CHAIN)), 5);
  const floor = best(() => fsFloor(CHAIN));
  console.log(`${`  file-system floor of that chain`.padEnd(34)} ${ms(floor).padStart(8)}   (${CHAIN} dirs + ${CHAIN * 4} small files, plain sync fs calls in one process)`);
  versus(`fan-out/in of ${FAN} prompt= nodes`, best(() => orchestraRun(fanDot(FAN), 4)), best(() => langgraphRun('fan', FAN)), 2);
}

// Per-node cost without the process's start: (T(N) - T(1)) / N.
if (SECTIONS.has('scaling')) {
  const base = best(() => orchestraRun(chainDot(1), 3));
  const short = (best(() => orchestraRun(chainDot(SHORT), SHORT + 2)) - base) / SHORT;
  const long = (best(() => orchestraRun(chainDot(LONG), LONG + 2), Math.min(ROUNDS, 2)) - base) / LONG;
  console.log(
    `per node, ${LONG} vs ${SHORT}-node chain:       ${long.toFixed(3)} vs ${short.toFixed(3)} ms/node = ${(long / short).toFixed(2)}x (target <= 1.5x) ${verdict(long / short <= 1.5, 'ABOVE TARGET')}`,
  );
}

// Cold CLI start: a home with a few finished runs, as `runs` usually meets one.
if (SECTIONS.has('cold')) {
  const home = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  try {
    const dot = join(home, 'small.dot');
    writeFileSync(dot, chainDot(3));
    for (let i = 0; i < 3; i++) spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'orchestra.js'), 'run', dot, '--simulate', '--quiet'], { env: { ...process.env, ORCHESTRA_HOME: home } });
    const floor = best(nodeFloor, 5);
    for (const args of [['--version'], ['runs']]) {
      const cold = best(() => coldCommand(args, home), 5);
      console.log(`orchestra ${args.join(' ').padEnd(24)} cold ${ms(cold).padStart(8)}   node -e 0 ${ms(floor).padStart(6)}   (target < 100 ms) ${verdict(cold < 100, 'ABOVE TARGET')}`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (SECTIONS.has('parse')) {
  const parse = await parseAndValidate(10_000, ROUNDS);
  console.log(
    `parse + validate 10,000-node DOT: ${parse.totalMs.toFixed(1)} ms (parse ${parse.parseMs.toFixed(1)}, ` +
      `validate ${parse.validateMs.toFixed(1)}; target < 300 ms) ${verdict(parse.totalMs < 300, 'ABOVE TARGET')}`,
  );
}

// Code-first workflows against LangGraph's functional API (bench/workflows.js; BENCH_WF_MANY, BENCH_WF_LONG for fewer).
if (SECTIONS.has('workflows')) await import('./workflows.js');

// Tasks: 20 agents through the daemon against git worktree + tmux (bench/tasks.js; BENCH_TASKS=5 for fewer).
if (SECTIONS.has('tasks')) await import('./tasks.js');

// The HTTP API: 200 SSE subscribers and 100 requests/s against the daemon and a bare Hono app (bench/api.js; BENCH_API_SECONDS=5 for shorter).
if (SECTIONS.has('api')) await import('./api.js');
