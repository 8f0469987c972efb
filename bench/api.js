// The HTTP API (issue 12), from `npm run bench` (section `api`) or alone (`npm run build && node
// bench/api.js`): 200 SSE subscribers on /events and 100 requests/s of mixed reads and writes for
// 30 s against the real daemon (`orchestra daemon start`, a write token), then the same load against a
// bare Hono app (bench/api-bare.js: the framework's floor) in the same run, each driven by a load
// process of its own (bench/api-load.js). Every write's feed events must reach every subscriber:
// checked against the store's feed after the run.
// Shorter while working: BENCH_API_SECONDS=5 BENCH_API_SUBSCRIBERS=50 node bench/api.js
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startBare, startDaemon } from './api-servers.js';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);
const RATE = Number(process.env.BENCH_API_RATE ?? 100);
const SUBSCRIBERS = Number(process.env.BENCH_API_SUBSCRIBERS ?? 200);

console.log(`\nHTTP API: ${SUBSCRIBERS} SSE subscribers on /events, ${RATE} requests/s for ${SECONDS} s (70% reads: GET /human-tasks, /runs, /workflows; 30% writes: POST /human-tasks, POST /human-tasks/{id}/answer)`);
console.log(`load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} (2 cores: other work on the machine inflates every figure); each server and each load a process of its own, one after the other`);

const orchestra = await measure(startDaemon);
const bare = await measure(startBare);
print(orchestra, bare);

async function measure(start) {
  const server = await start();
  try {
    return await load(server);
  } finally {
    server.stop();
  }
}

/** Runs bench/api-load.js against `server`; its JSON report. */
function load(server) {
  const args = { name: server.name, url: server.url, token: server.token, pid: server.pid, db: server.db, seconds: SECONDS, rate: RATE, subscribers: SUBSCRIBERS };
  const child = spawn(process.execPath, [join(import.meta.dirname, 'api-load.js'), JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`bench/api-load.js against ${server.name} exited ${code}: ${out}`)))),
  );
}

function print(ours, floor) {
  const ms = (v) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);
  const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '' : `${(a / b).toFixed(1)}x the floor`);
  const verdict = (ok) => (ok ? 'OK' : 'ABOVE TARGET');
  const row = (label, a, b, tail = '') => console.log(`${label.padEnd(34)} orchestra ${a.padStart(10)}   bare hono ${b.padStart(10)}   ${tail}`);
  for (const [label, key] of [['request latency p50', 'p50'], ['request latency p99', 'p99'], ['request latency max', 'max']]) {
    const target = key === 'p99' ? `   (target < 50 ms) ${verdict(ours.latency.p99 < 50)}` : '';
    row(label, ms(ours.latency[key]), ms(floor.latency[key]), `${ratio(ours.latency[key], floor.latency[key])}${target}`);
  }
  if (ours.latency.p99 >= 50) console.log(`  orchestra's slowest: ${ours.slowest.map((s) => `${s.request} at ${s.second.toFixed(1)} s ${ms(s.ms)}`).join(', ')}`);
  row('requests, errors', `${ours.requests}, ${ours.errors}`, `${floor.requests}, ${floor.errors}`, ours.errors === 0 ? '' : `first: ${ours.firstErrors.join(' | ')}`);
  for (const side of [ours, floor]) {
    const e = side.events;
    const lost = e.lost === 0 && e.streamErrors.length === 0;
    const check = side === ours ? ' (ids checked against the store\'s feed)' : '';
    console.log(`events delivered, ${side.name.padEnd(10)}        ${e.delivered}/${e.expected * e.subscribers} (${e.expected} events x ${e.subscribers} subscribers${check}; ${e.lost} lost by ${e.lostBy}, ${e.duplicates} duplicates; target none lost) ${lost ? 'OK' : 'EVENTS LOST'}`);
    if (e.streamErrors.length > 0) console.log(`  streams broken: ${e.streamErrors.join(' | ')}`);
  }
  for (const [label, key] of [['event write -> subscriber p50', 'p50'], ['event write -> subscriber p99', 'p99']]) {
    row(label, ms(ours.events.latency[key]), ms(floor.events.latency[key]), ratio(ours.events.latency[key], floor.events.latency[key]));
  }
  // CPU seconds per second of load (backlog included): over 100% a single-threaded server falls
  // behind even on an idle core; on a busy machine it falls behind well before.
  const cpu = (side) => `${((side.cpu.server / SECONDS) * 100).toFixed(0)}%`;
  row('server CPU per s of load', cpu(ours), cpu(floor), `${ratio(ours.cpu.server, floor.cpu.server)}   (of one core; a server above ~100% cannot keep up)`);
  for (const side of [ours, floor]) {
    const { loop, cpu: used } = side;
    const share = used.self / used.seconds;
    // Its own CPU high: it limits the figures; lagging with little CPU: the machine starved it.
    const note = share > 0.8 ? '  WARNING: the load process is the bottleneck' : loop.p99 > 20 ? `  WARNING: its loop lagged while using ${(share * 100).toFixed(0)}% CPU (the machine is busy): latencies include client-side delay` : '';
    console.log(`  load process vs ${side.name}: event-loop lag p99 ${ms(loop.p99)} (max ${ms(loop.max)}), sends late p99 ${ms(loop.sendLag.p99)}, CPU ${(share * 100).toFixed(0)}%${note}`);
  }
}
