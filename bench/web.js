/* global fetch, document */
// The dashboard (issue 15), from `npm run bench:web` (builds first) or `node bench/web.js`: the real
// daemon (built CLI, temp ORCHESTRA_HOME) and headless Chromium (playwright-core, tracing on; the
// trace's path is printed). Each case prints its figure and a ratio against a peer measured in the
// same run:
//   (a) the runs page with 1,000 runs (seeded through the engine as `orchestra run --simulate` runs
//       them) drawn: first row, every row; peer: the same rows as a static HTML table;
//   (b) the tasks board with 200 tasks (created over the API): every card; peer: the same cards as static HTML;
//   (c) a 500-node pipeline's run page: every node drawn; and its layout alone by ELK against
//       Graphviz's dot on the same graph;
//   (d) 20 runs streaming live updates to the runs page: the longest main-thread task and a click's
//       delay; peer: the same page with nothing streaming.
// Targets (issue 15): 200 tasks and 1,000 runs render < 1 s, a 500-node layout < 1 s.
// Shorter while working: BENCH_WEB_RUNS=200 BENCH_WEB_TASKS=50 BENCH_WEB_NODES=100 BENCH_WEB_SECONDS=3 node bench/web.js;
// BENCH_WEB_CASES=c node bench/web.js measures case (c) alone (any of the letters abcde; all by default).
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { pageWatcher, timeRender, watched, watchResponsiveness } from './web-measure.js';
import { timeLayouts } from './web-layout.js';
import { bigPipeline, runToEnd, seedRuns, seedTasks, slowChain } from './web-seed.js';
import { api, openBrowser, startDaemon } from './web-setup.js';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 1000);
const TASKS = Number(process.env.BENCH_WEB_TASKS ?? 200);
const NODES = Number(process.env.BENCH_WEB_NODES ?? 500);
const LIVE = Number(process.env.BENCH_WEB_LIVE ?? 20);
const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 8);
const CASES = new Set(process.env.BENCH_WEB_CASES ?? 'abcde');

console.log(`\nDashboard: runs page with ${RUNS} runs, board with ${TASKS} tasks, a ${NODES}-node run graph, ${LIVE} live runs (headless Chromium, medians of 5 reloads after a warm-up)`);
console.log(`load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} (2 cores: other work on the machine inflates every figure)`);

const ms = (v) => (v === undefined ? '-' : `${v.toFixed(0)} ms`);
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(1)}x the peer` : '');
const verdict = (value, target) => `(target < ${target} ms) ${value < target ? 'OK' : 'ABOVE TARGET'}`;
const row = (label, ours, peer, tail = '') => console.log(`${label.padEnd(40)} dashboard ${ours.padStart(9)}   peer ${peer.padStart(9)}   ${tail}`);

const daemon = startDaemon();
const peer = await staticPeer();
let browser;
try {
  let started = performance.now();
  if (CASES.has('a') || CASES.has('d')) {
    await seedRuns(daemon, RUNS);
    console.log(`seeded ${RUNS} runs through the engine in ${ms(performance.now() - started)}`);
  }
  started = performance.now();
  if (CASES.has('b')) {
    await seedTasks(daemon, TASKS);
    console.log(`created ${TASKS} tasks over the API in ${ms(performance.now() - started)}`);
  }
  started = performance.now();
  const bigRun = CASES.has('c') ? await runToEnd(daemon, 'big.dot', bigPipeline(NODES)) : undefined;
  if (bigRun !== undefined) console.log(`ran the ${NODES}-node pipeline in ${ms(performance.now() - started)}`);

  browser = await openBrowser(daemon);
  await browser.context.addInitScript(pageWatcher, watched);
  const { page } = browser;

  const cases = { a: runsPage, b: tasksBoard, c: bigGraph, d: liveRuns, e: liveAgents };
  for (const [letter, measure] of Object.entries(cases)) if (CASES.has(letter)) await measure({ page, daemon, peer, bigRun });
} finally {
  const left = await api(daemon, 'GET', '/runs?state=running&limit=200').catch(() => ({ items: [] }));
  for (const run of left.items) await api(daemon, 'POST', `/runs/${run.id}/cancel`).catch(() => undefined);
  const trace = await browser?.close();
  if (trace) console.log(`Playwright trace: ${trace} (npx playwright show-trace, or https://trace.playwright.dev offline copy)`);
  peer.close();
  daemon.stop();
}

// (a) The runs page: it shows the newest runs of its list (GET /runs?limit=200), newest first.
async function runsPage({ page, daemon, peer }) {
  const listed = [];
  for (let i = 0; i < 5; i++) {
    const asked = performance.now();
    await api(daemon, 'GET', '/runs?limit=200');
    listed.push(performance.now() - asked);
  }
  const runs = await api(daemon, 'GET', '/runs?limit=200');
  peer.set('/runs', runsTable(runs.items));
  const shown = runs.items.length;
  const ours = await timeRender(page, `${daemon.url}/#/runs`, 'tr[data-run]', shown);
  const theirs = await timeRender(page, `${peer.url}/runs`, 'tr.peer-row', shown);
  console.log(`(a) runs page, ${RUNS} runs in the store, ${ours.drawn} rows drawn (the page lists the newest ${shown})`);
  row('  first row drawn', ms(ours.first), ms(theirs.first), ratio(ours.first, theirs.first));
  row('  every row drawn', ms(ours.all), ms(theirs.all), `${ratio(ours.all, theirs.all)}   ${verdict(ours.all, 1000)}`);
  console.log(`  of which the API's answer (GET /runs?limit=200, median of 5 from Node): ${ms(listed.sort((a, b) => a - b)[2])}`);
}

// (b) The tasks board: a card per task.
async function tasksBoard({ page, daemon, peer }) {
  const tasks = await api(daemon, 'GET', `/tasks?project=${encodeURIComponent(daemon.project)}&limit=${TASKS}`);
  peer.set('/tasks', taskCards(tasks.items ?? tasks.tasks ?? []));
  const board = await timeRender(page, `${daemon.url}/#/tasks`, '[data-testid="task-card"]', TASKS, 5, 15_000).catch((error) => ({ error }));
  const cards = await timeRender(page, `${peer.url}/tasks`, '.peer-card', TASKS);
  if (board.error) console.log(`(b) tasks board, ${TASKS} tasks: NOT MEASURED: no ${TASKS} [data-testid="task-card"] on #/tasks within 15 s (is the board on this branch?); the static peer draws them in ${ms(cards.all)}`);
  else {
    console.log(`(b) tasks board, ${TASKS} tasks, ${board.drawn} cards drawn`);
    row('  first card drawn', ms(board.first), ms(cards.first), ratio(board.first, cards.first));
    row('  every card drawn', ms(board.all), ms(cards.all), `${ratio(board.all, cards.all)}   ${verdict(board.all, 1000)}`);
  }
}

// (c) The run page of the big pipeline (fetch, ELK layout, React Flow), then the layout alone.
async function bigGraph({ page, daemon, bigRun }) {
  const { edges } = await api(daemon, 'GET', `/runs/${bigRun}/graph`);
  // React Flow puts every node in the page hidden, measures them, then shows them and draws the edges.
  const graph = await timeRender(page, `${daemon.url}/#/runs/${bigRun}`, '.react-flow__node', NODES, 3, 60_000, { selector: '.react-flow__edge', count: edges.length });
  const inPage = graph.measures['orchestra:layout'];
  // The options the page used (its User Timing measure's detail): those of its graph's size.
  const layouts = await timeLayouts(bigPipeline(NODES), inPage.detail.options);
  console.log(`(c) a ${layouts.nodes}-node, ${layouts.edges}-edge pipeline (ELK thoroughness ${inPage.detail.options['elk.layered.thoroughness'] ?? 'default'})`);
  console.log(`${'  run page: every node in the page'.padEnd(40)} dashboard ${ms(graph.all).padStart(9)}   (load, GET /runs/ID and /graph, ELK in its worker, React Flow)`);
  console.log(`${'  run page: every node and edge shown'.padEnd(40)} dashboard ${ms(graph.then).padStart(9)}   (the nodes measured and shown, the edges drawn)`);
  row("  layout in the page's worker vs dot", ms(inPage.duration), ms(layouts.graphviz), `${ratio(inPage.duration, layouts.graphviz)}   ${verdict(inPage.duration, 1000)}`);
  row('  layout alone in Node: ELK vs dot', ms(layouts.elk), ms(layouts.graphviz), `${ratio(layouts.elk, layouts.graphviz)}   ${verdict(layouts.elk, 1000)}`);
}

// (d) Live runs: the same page idle, then with LIVE runs streaming node events.
async function liveRuns({ page, daemon }) {
  await page.goto(`${daemon.url}/#/runs`);
  await page.waitForSelector('tr[data-run]');
  const idle = await watchResponsiveness(page, SECONDS);
  // Each run a process of its own, as the daemon starts them: long enough for all to run at once.
  const live = slowChain(60, '500ms');
  await Promise.all(Array.from({ length: LIVE }, () => api(daemon, 'POST', '/runs', { project: daemon.project, source: live, simulate: true })));
  const running = () => page.evaluate(() => document.querySelectorAll('tr[data-run] .badge-running').length);
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-run] .badge-running').length >= n, LIVE, { timeout: 120_000, polling: 200 }).catch(() => undefined);
  const concurrent = await running();
  const feed = countEvents(daemon);
  const windowStart = Date.now();
  const busy = await watchResponsiveness(page, SECONDS);
  const events = feed.stop(windowStart, Date.now());
  console.log(`(d) runs page while ${concurrent} runs (of ${LIVE} started) stream (${events} run events in ${SECONDS} s), against the same page idle; a click every 100 ms (${busy.clicks} clicks)`);
  row('  longest main-thread task', ms(busy.longestTask), ms(idle.longestTask), `${busy.longTasks} tasks over 50 ms, ${ms(busy.blocked)} blocked beyond 50 ms`);
  row('  longest gap between frames', ms(busy.longestFrameGap), ms(idle.longestFrameGap), ratio(busy.longestFrameGap, idle.longestFrameGap));
  row('  click to its handler p95 / max', `${ms(busy.input.p95)}/${ms(busy.input.max)}`, `${ms(idle.input.p95)}/${ms(idle.input.max)}`);
  row('  click to next frame p95 / max', `${ms(busy.toFrame.p95)}/${ms(busy.toFrame.max)}`, `${ms(idle.toFrame.p95)}/${ms(idle.toFrame.max)}`, `${ratio(busy.toFrame.p95, idle.toFrame.p95)}   (responsive: < 100 ms) ${busy.toFrame.p95 < 100 ? 'OK' : 'SLOW'}`);
}

/** (e) 20 coding-agent tasks at once: the tasks board and a task's attached terminal (bench/web-agents.js). */
async function liveAgents({ page, daemon }) {
  const { liveAgentsCase } = await import('./web-agents.js');
  await liveAgentsCase(daemon, page, SECONDS, { row, ms, ratio });
}

/** Follows the tenant's run events (GET /events, as the page does); stop() counts those of a time window. */
function countEvents(d) {
  const times = [];
  const abort = new AbortController();
  void (async () => {
    const response = await fetch(`${d.url}/events?kinds=run`, { headers: { authorization: `Bearer ${d.token}` }, signal: abort.signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) if (line.startsWith('data:')) times.push(JSON.parse(line.slice(5)).at);
    }
  })().catch(() => undefined);
  return {
    stop(from, to) {
      abort.abort();
      return times.filter((at) => at >= from && at <= to).length;
    },
  };
}

/** A plain HTTP server of static pages set by path: the peers, loaded in the same browser. */
async function staticPeer() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const body = pages.get(new URL(request.url, 'http://peer').pathname);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(body ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, set: (path, html) => pages.set(path, html), close: () => server.close() };
}

function escape(text) {
  return String(text ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function shell(title, body) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>body{font-family:system-ui;margin:1rem}table{border-collapse:collapse;width:100%}td,th{padding:.5rem .75rem;border-bottom:1px solid #ddd;text-align:left}.peer-card{border:1px solid #ddd;border-radius:8px;padding:.5rem;margin:.25rem;display:inline-block;width:15rem}</style></head><body>${body}</body></html>`;
}

function runsTable(items) {
  const rows = items.map((run) => `<tr class="peer-row"><td><a href="#">${escape(run.id)}</a></td><td>${escape(run.pipeline)}</td><td>${escape(run.state)}</td><td>${escape(run.currentNode)}</td><td>${escape(run.startedAt)}</td><td>${escape(run.durationMs)}</td></tr>`);
  return shell('Runs', `<h1>Runs</h1><table><thead><tr><th>Run</th><th>Pipeline</th><th>State</th><th>Current node</th><th>Started</th><th>Duration</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

function taskCards(items) {
  const cards = items.map((task) => `<article class="peer-card"><h3>${escape(task.slug)}</h3><p>${escape(task.status)}</p><p>${escape(String(task.description ?? '').slice(0, 120))}</p></article>`);
  return shell('Tasks', `<h1>Tasks</h1><section>${cards.join('')}</section>`);
}
