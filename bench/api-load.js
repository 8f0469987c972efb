// The API benchmark's load process (bench/api.js spawns one per server, so neither server shares a
// process or event loop with its load): SUBSCRIBERS SSE streams on /events, then RATE requests/s of
// the mix (bench/api-mix.js) for SECONDS on a fixed schedule (open loop: a slow answer does not slow
// the next request), then waits for every subscriber to have every event the writes made. Prints JSON.
// Ten requests of the mix warm the server up first (not measured; subscribers start after their events).
// Argument: { name, url, token?, pid, db?, seconds, rate, subscribers }.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMix, nextRequest } from './api-mix.js';
import { send as httpSend } from './api-http.js';
import { subscribe } from './api-sse.js';
import { cpuSeconds, summary } from './api-stats.js';

const target = JSON.parse(process.argv[2]);
const auth = target.token === undefined ? {} : { authorization: `Bearer ${target.token}` };
const drainMs = 15_000;

// Warm-up: each kind of request once before measuring (a daemon in use has loaded its modules).
const warm = { latencies: [], slowest: [], errors: [], eventIds: [] };
const warmMix = createMix();
for (let i = 0; i < 10; i++) await send(nextRequest(warmMix, i), warm, 0);
if (warm.errors.length > 0) throw new Error(`the warm-up failed: ${warm.errors.join(' | ')}`);

// Orchestra's subscribers start after the warm-up's events (the feed would replay them at connect).
const after = target.db === undefined ? undefined : ((await storeFeedIds(target.db, 0)).at(-1) ?? 0);
const eventsUrl = `${target.url}/events${after === undefined ? '' : `?after=${after}`}`;
const subs = [];
for (let i = 0; i < target.subscribers; i += 20) {
  const batch = Array.from({ length: Math.min(20, target.subscribers - i) }, () => subscribe(eventsUrl, auth));
  subs.push(...(await Promise.all(batch)));
}

const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
const started = { server: cpuSeconds(target.pid), self: process.cpuUsage(), at: performance.now() };
const run = await drive();
const cpu = { server: cpuSeconds(target.pid) - started.server, self: cpuTotal(process.cpuUsage(started.self)), seconds: (performance.now() - started.at) / 1000 };
lag.disable();

const expected = target.db === undefined ? run.eventIds : await storeFeedIds(target.db, after);
const drained = await drain(expected);
for (const sub of subs) sub.close();
console.log(JSON.stringify(report()));
process.exit(0);

/** Issues the schedule; resolves when every request has been answered. */
async function drive() {
  const mix = createMix();
  const total = Math.round(target.seconds * target.rate);
  const out = { latencies: [], slowest: [], sendLag: [], errors: [], eventIds: [], pending: [] };
  const t0 = performance.now();
  for (let i = 0; i < total; ) {
    const now = performance.now();
    for (; i < total && t0 + (i * 1000) / target.rate <= now; i++) {
      out.sendLag.push(now - (t0 + (i * 1000) / target.rate));
      out.pending.push(send(nextRequest(mix, i), out, (now - t0) / 1000));
    }
    if (i < total) await sleep(Math.max(0, t0 + (i * 1000) / target.rate - performance.now()));
  }
  await Promise.all(out.pending);
  return out;
}

async function send(request, out, second) {
  const begin = performance.now();
  try {
    const headers = { ...auth, ...(request.body && { 'content-type': 'application/json' }) };
    const { status, text } = await httpSend(`${target.url}${request.path}`, { method: request.method, headers, body: request.body && JSON.stringify(request.body) });
    const ms = performance.now() - begin;
    out.latencies.push(ms);
    noteSlow(out.slowest, { ms, second, request: `${request.method} ${request.path}` });
    if (status >= 300) return void out.errors.push(`${request.method} ${request.path}: ${status} ${text.slice(0, 200)}`);
    if (request.method === 'POST') {
      const json = JSON.parse(text);
      request.onJson?.(json);
      if (json.eventId !== undefined) out.eventIds.push(json.eventId);
    }
  } catch (error) {
    out.errors.push(`${request.method} ${request.path}: ${error.message}${error.cause ? ` (${error.cause.code ?? error.cause.message})` : ''}`);
  }
}

/** Keeps the 5 slowest requests: when they were sent and what they were. */
function noteSlow(slowest, entry) {
  if (slowest.length === 5 && slowest[4].ms >= entry.ms) return;
  slowest.push(entry);
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
}

/** The tenant's feed event ids after `after`, read from the store file itself. */
async function storeFeedIds(db, after) {
  const { openSqliteStore } = await import('../dist/store/sqlite/index.js');
  const { authenticateLocal } = await import('../dist/services/auth/index.js');
  const store = await openSqliteStore(db);
  try {
    const ids = [];
    for (let page; (page = await store.readFeed(authenticateLocal({ env: {} }), { after: ids.at(-1) ?? after, limit: 1000 })).length > 0; ) ids.push(...page.map((event) => event.id));
    return ids;
  } finally {
    await store.close();
  }
}

/** Waits (deadline drainMs) until every subscriber has every expected id; the ms it took. */
async function drain(ids) {
  const begin = performance.now();
  const complete = () => subs.every((sub) => sub.error !== undefined || ids.every((id) => sub.ids.has(id)));
  while (!complete() && performance.now() - begin < drainMs) await sleep(50);
  return performance.now() - begin;
}

function report() {
  const missing = subs.map((sub) => expected.filter((id) => !sub.ids.has(id)).length);
  const expectedSet = new Set(expected);
  return {
    name: target.name,
    requests: run.sendLag.length,
    latency: summary(run.latencies),
    errors: run.errors.length,
    firstErrors: run.errors.slice(0, 3),
    slowest: run.slowest,
    events: {
      expected: expected.length,
      subscribers: subs.length,
      delivered: subs.reduce((sum, sub) => sum + [...sub.ids].filter((id) => expectedSet.has(id)).length, 0),
      lostBy: missing.filter((n) => n > 0).length,
      lost: missing.reduce((a, b) => a + b, 0),
      duplicates: subs.reduce((sum, sub) => sum + sub.duplicates, 0),
      streamErrors: subs.filter((sub) => sub.error !== undefined).map((sub) => sub.error).slice(0, 3),
      latency: summary(subs.flatMap((sub) => sub.latencies)),
      drainMs: drained,
    },
    cpu,
    loop: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6, sendLag: summary(run.sendLag) },
  };
}

function cpuTotal(usage) {
  return (usage.user + usage.system) / 1e6;
}
