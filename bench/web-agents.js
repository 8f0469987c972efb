/* global document */
// The dashboard benchmark's case (e): 20 real coding-agent tasks at once. Each is started through the
// daemon (POST /tasks/{id}/start) and runs bench/tasks-agent.mjs in its PTY; once told to (a file
// appears), every agent works in turns as coding agents do: seconds of coloured output, then a
// question and a pause (so the tasks turn running and idle, and the board moves), its turns spread
// at random. Measured on the tasks board and on one task's page with its terminal attached over the
// WebSocket: the longest main-thread task, the longest gap between frames and a click's delay to the
// next frame, against the same page while the same agents sit idle (the peer, in the same run).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentScript } from './tasks-project.js';
import { watchResponsiveness } from './web-measure.js';
import { api } from './web-setup.js';

const AGENTS = Number(process.env.BENCH_WEB_AGENTS ?? 20);
const LINES = Number(process.env.BENCH_WEB_AGENT_LINES ?? 100);
const WORK_MS = Number(process.env.BENCH_WEB_AGENT_WORK_MS ?? 4000);
const PAUSE_MS = Number(process.env.BENCH_WEB_AGENT_PAUSE_MS ?? 2500);

/** Case (e) of bench/web.js: measures and prints, with web.js's `row`, `ms` and `ratio`. */
export async function liveAgentsCase(daemon, page, seconds, { row, ms, ratio }) {
  const result = await measureLiveAgents(daemon, page, AGENTS, seconds);
  console.log(`(e) ${AGENTS} coding-agent tasks started over the API in ${ms(result.started)}; each in turns of ${WORK_MS} ms printing ${LINES} lines/s, then a question and ${PAUSE_MS} ms quiet; against the same page with the agents idle; a click every 100 ms`);
  const show = (label, { idle, busy, events }, extra = '') => {
    console.log(`  ${label}: ${events} task events in ${seconds} s${extra}`);
    row('    longest main-thread task', ms(busy.longestTask), ms(idle.longestTask), `${busy.longTasks} tasks over 50 ms, ${ms(busy.blocked)} blocked beyond 50 ms`);
    row('    longest gap between frames', ms(busy.longestFrameGap), ms(idle.longestFrameGap), ratio(busy.longestFrameGap, idle.longestFrameGap));
    row('    click to next frame p95 / max', `${ms(busy.toFrame.p95)}/${ms(busy.toFrame.max)}`, `${ms(idle.toFrame.p95)}/${ms(idle.toFrame.max)}`, `(responsive: < 100 ms) ${busy.toFrame.p95 < 100 && busy.longestTask < 100 ? 'OK' : 'SLOW'}`);
  };
  show('tasks board #/tasks', result.board);
  show('a task page, its terminal attached', result.task, `, ${(result.task.bytes / 1024 / seconds).toFixed(0)} KB/s to its terminal`);
}

/**
 * Starts `count` agent tasks in the daemon's project and measures both pages idle, then busy, for
 * `seconds` each; `{ started, board: { idle, busy, events }, task: { idle, busy, events, bytes } }`. The
 * agents are stopped before it returns.
 */
export async function measureLiveAgents(daemon, page, count, seconds) {
  const go = join(daemon.root, 'agents-go');
  writeFileSync(join(daemon.project, 'orchestra.yaml'), agentConfig(go));
  const ids = [];
  for (let i = 0; i < count; i++) {
    const task = await api(daemon, 'POST', '/tasks', { project: daemon.project, slug: `live-agent-${i}`, description: `Live agent ${i}: refactor module ${i}.`, agent: 'bench' });
    ids.push(task.id);
  }
  const began = performance.now();
  try {
    await inParallel(ids, 4, (id) => api(daemon, 'POST', `/tasks/${id}/start`, { project: daemon.project, cols: 100, rows: 30 }));
    const started = performance.now() - began;
    // Idle: every agent printed its line and sits quiet. Its activity, not its status: under load a
    // task can stay `running` (the quiet came before the start recorded `running`: the daemon's race).
    await until(daemon, ids, (tasks) => tasks.every((task) => task.activity !== undefined && task.activity !== 'working'), 'every agent quiet');
    const board = await onBoard(daemon, page, ids.length);
    const boardIdle = await watchResponsiveness(page, seconds);
    const terminal = await onTaskPage(daemon, page, ids[0]);
    const taskIdle = await watchResponsiveness(page, seconds);
    writeFileSync(go, '');
    const events = await followTaskEvents(page);
    // Busy: half the agents or more in a turn (their turns are spread out), the attached one printing.
    await until(daemon, ids, (tasks) => tasks.filter((task) => task.activity === 'working').length >= count / 2, 'half the agents working');
    await terminal.printing();
    const taskFrom = Date.now();
    terminal.count();
    const taskBusy = await profiled(page, 'task', () => watchResponsiveness(page, seconds));
    const bytes = terminal.count();
    const taskEvents = events.count(taskFrom, Date.now());
    await board.open();
    const boardFrom = Date.now();
    const boardBusy = await profiled(page, 'board', () => watchResponsiveness(page, seconds));
    const boardEvents = events.count(boardFrom, Date.now());
    await events.stop();
    return { started, board: { idle: boardIdle, busy: boardBusy, events: boardEvents }, task: { idle: taskIdle, busy: taskBusy, events: taskEvents, bytes } };
  } finally {
    rmSync(go, { force: true });
    await inParallel(ids, 4, (id) => api(daemon, 'POST', `/tasks/${id}/stop`, { project: daemon.project }).catch(() => undefined));
  }
}

/** The benchmark agent as a config-only profile: streaming while `go` exists. */
function agentConfig(go) {
  const args = [agentScript, '--stream', go, String(LINES), String(WORK_MS), String(PAUSE_MS)];
  return `cli_agents:\n  bench:\n    command: ${JSON.stringify(process.execPath)}\n    interactive:\n      args: ${JSON.stringify(args)}\n      prompt_via: none\n`;
}

/** The board with every task's card drawn; `open()` goes back to it. */
async function onBoard(daemon, page, count) {
  const open = async () => {
    await page.goto(`${daemon.url}/#/tasks`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="task-card"]').length >= n, count, { timeout: 30_000 });
  };
  await open();
  return { open };
}

/**
 * The task's page with its terminal attached (the page's own WebSocket, as a person clicks Attach);
 * `count()` gives the bytes the terminal received since the last call, `printing()` waits for output.
 */
async function onTaskPage(daemon, page, id) {
  let bytes = 0;
  let waiting;
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      bytes += typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
      waiting?.();
    });
  });
  await page.goto(`${daemon.url}/#/tasks/${encodeURIComponent(daemon.project)}/${id}`);
  await page.getByRole('button', { name: 'Attach' }).click();
  await page.getByTestId('terminal-state').filter({ hasText: 'Attached' }).waitFor({ timeout: 30_000 });
  return {
    count() {
      const seen = bytes;
      bytes = 0;
      return seen;
    },
    printing: () => new Promise((resolve) => {
      waiting = () => {
        waiting = undefined;
        resolve();
      };
    }),
  };
}

/**
 * With BENCH_WEB_PROFILE=<dir>: Chromium's performance trace of the page during `work` (each task
 * of the main thread with its scripts, style, layout and paint; DevTools' Performance panel opens it)
 * in <dir>/<name>.trace.json.
 */
async function profiled(page, name, work) {
  const dir = process.env.BENCH_WEB_PROFILE;
  if (!dir) return work();
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] } });
  const result = await work();
  await cdp.send('Tracing.end');
  await done;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.trace.json`);
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  console.log(`  performance trace of the ${name} page: ${file}`);
  await cdp.detach();
  return result;
}

/** Polls our tasks as the API lists them until `accept(tasks)` (the daemon has no "all idle" event). */
async function until(daemon, ids, accept, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { items } = await api(daemon, 'GET', `/tasks?project=${encodeURIComponent(daemon.project)}&limit=500`);
    const tasks = items.filter((task) => ids.includes(task.id));
    if (tasks.length === ids.length && accept(tasks)) return;
    if (Date.now() > deadline) throw new Error(`not ${what} after ${timeoutMs} ms: ${tasks.map((task) => `#${task.id} ${task.status} (${task.activity}) ${task.lastLine ?? ''}`).join('; ')} (${tasks.length} of ${ids.length} listed)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function inParallel(items, width, work) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/** The task events the page's event stream delivers (seen through DevTools' protocol); `count(from, to)` those of a window. */
async function followTaskEvents(page) {
  const times = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.eventSourceMessageReceived', ({ eventName }) => {
    if (eventName.startsWith('task.')) times.push(Date.now());
  });
  await cdp.send('Network.enable');
  return {
    count: (from, to) => times.filter((at) => at >= from && at <= to).length,
    stop: () => cdp.detach(),
  };
}
