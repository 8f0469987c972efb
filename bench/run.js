// `npm run bench`: Orchestra against LangGraph JS, measured in the same process on the same
// machine, plus parse + validate time for a 10,000-node pipeline. Prints ratios, not verdicts
// from a timed test; the targets are printed beside them.
import { setMaxListeners } from 'node:events';
import { langgraphChain, langgraphFan } from './langgraph-peer.js';
import { orchestraChain, orchestraFan } from './orchestra-subject.js';
import { parseAndValidate } from './parse-validate.js';

// LangGraph adds one abort listener per task to a shared signal; a 100-way fan trips Node's leak warning.
setMaxListeners(1000);

// Smaller, quicker runs while working: BENCH_CHAIN=200 BENCH_FAN=20 BENCH_ROUNDS=1 npm run bench
const CHAIN = Number(process.env.BENCH_CHAIN ?? 1000);
const FAN = Number(process.env.BENCH_FAN ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function best(fn) {
  let min = Infinity;
  for (let i = 0; i < ROUNDS; i++) min = Math.min(min, await fn());
  return min;
}

function row(name, nodes, orchestraMs, peerMs, target) {
  const ours = orchestraMs / nodes;
  const theirs = peerMs / nodes;
  const ratio = theirs / ours;
  console.log(
    `${name.padEnd(22)} orchestra ${ours.toFixed(3)} ms/node   langgraph ${theirs.toFixed(3)} ms/node   ` +
      `ratio ${ratio.toFixed(1)}x faster (target >= ${target}x) ${ratio >= target ? 'OK' : 'BELOW TARGET'}`,
  );
  return ratio;
}

console.log(`Orchestra vs LangGraph JS (SQLite checkpointer, durability "sync"); best of ${ROUNDS} rounds each`);
const chainOurs = await best(() => orchestraChain(CHAIN));
const chainPeer = await best(() => langgraphChain(CHAIN));
row(`chain ${CHAIN} nodes`, CHAIN + 2, chainOurs, chainPeer, 5);
const fanOurs = await best(() => orchestraFan(FAN));
const fanPeer = await best(() => langgraphFan(FAN));
row(`fan-out/in ${FAN}`, FAN + 4, fanOurs, fanPeer, 5);

const parse = await parseAndValidate(10_000, ROUNDS);
console.log(
  `parse + validate 10,000-node DOT: ${parse.totalMs.toFixed(1)} ms (parse ${parse.parseMs.toFixed(1)}, ` +
    `validate ${parse.validateMs.toFixed(1)}; target < 300 ms) ${parse.totalMs < 300 ? 'OK' : 'ABOVE TARGET'}`,
);

// Tasks: 20 agents through the daemon against git worktree + tmux (bench/tasks.js; BENCH_TASKS=5 for fewer).
await import('./tasks.js');
