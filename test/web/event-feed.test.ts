import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/mcp-clients.js';
import { deadline } from './dashboard-session.js';
import { useDashboard } from './use-dashboard.js';

/*
 * The dashboard's event stream (issue 15): a page follows GET /events?after=now, so one opened on a
 * store full of old events is sent none of them, yet sees what happens next. The page's
 * EventSource is watched from inside the page: every message handed to its listeners is noted.
 */

const quick = `digraph Quick {
  start [shape=Mdiamond]
  exit  [shape=Msquare]
  plan  [prompt="Plan"]
  start -> plan -> exit
}
`;

const oldTasks = 150;
const oldRuns = 3;

const session = useDashboard({
  tokens: { mine: 'default' },
  async prepare(p) {
    const token = session.tokens.mine;
    const api = (path: string, body?: unknown) => session.api(path, token, body);
    for (let i = 0; i < oldTasks; i += 1) await api('/human-tasks', { title: `Old task ${i}`, form: { ok: { type: 'boolean' } } });
    const runs = await Promise.all(Array.from({ length: oldRuns }, async () => String((await api('/runs', { project: p.project, source: quick, simulate: true })).runId)));
    const state = async (runId: string) => ((await api(`/runs/${runId}`)).run as { displayState: string }).displayState;
    for (const runId of runs) await eventually(() => state(runId), (shown) => shown === 'completed', `run ${runId} to complete`);
  },
});

interface FeedSeen {
  /** The ids of the feed.ready messages (where each stream started). */
  ready: number[];
  /** The id and type of every other message given to the page's listeners. */
  events: Array<{ id: number; type: string }>;
}

/** Before the page's scripts: wraps EventSource listeners so each message they are given is noted in `window.feedSeen`. */
function watchFeed(): void {
  const seen: FeedSeen = { ready: [], events: [] };
  (window as unknown as { feedSeen: FeedSeen }).feedSeen = seen;
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (this: EventSource, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const noted = (event: Event) => {
      const id = Number((event as MessageEvent).lastEventId);
      if (type === 'feed.ready') seen.ready.push(id);
      else seen.events.push({ id, type });
      if (typeof listener === 'function') listener.call(this, event);
      else listener?.handleEvent(event);
    };
    add.call(this, type, noted, options);
  } as typeof EventSource.prototype.addEventListener;
}

const feedSeen = (page: Page) => page.evaluate(() => (window as unknown as { feedSeen: FeedSeen }).feedSeen);

describe('issue 15: the dashboard follows the event stream from now', () => {
  it('issue 15: the inbox opened on a store with many old events is sent none of them, and then a new task live', { timeout: 120_000 }, async () => {
    const { url, browser, tokens, api } = session;
    const page = await browser.context.newPage();
    await page.addInitScript(watchFeed);
    await page.goto(`${url}/#/inbox?show=all`);
    await page.locator('tr[data-task]').first().waitFor(deadline);
    await expect.poll(async () => (await feedSeen(page)).ready.length, deadline).toBe(1);

    const made = await api('/human-tasks', tokens.mine, { title: 'A new task after the page opened', form: { ok: { type: 'boolean' } } });
    await page.locator(`tr[data-task="${String(made.id)}"]`).waitFor(deadline);
    await expect.poll(async () => (await feedSeen(page)).events.length, deadline).toBeGreaterThan(0);
    // The new task's event came after any old one would have (the feed is sent in order): only it came.
    const seen = await feedSeen(page);
    expect(seen.events.map((event) => event.type)).toEqual(['human_task.created']);
    expect(seen.events[0]?.id).toBeGreaterThan(seen.ready[0] ?? Infinity);
    expect(seen.ready[0]).toBeGreaterThanOrEqual(oldTasks);
    await page.close();
  });

  it('issue 15: the runs page opened on old runs is sent none of their events, and then a new run\'s', { timeout: 120_000 }, async () => {
    const { p, url, browser, tokens, api } = session;
    const page = await browser.context.newPage();
    await page.addInitScript(watchFeed);
    await page.goto(`${url}/#/runs?kind=pipelines`);
    await expect.poll(() => page.locator('tr[data-run]').count(), deadline).toBe(oldRuns);
    await expect.poll(async () => (await feedSeen(page)).ready.length, deadline).toBe(1);

    const runId = String((await api('/runs', tokens.mine, { project: p.project, source: quick, simulate: true })).runId);
    await page.locator(`tr[data-run="${runId}"]`).waitFor(deadline);
    await expect.poll(async () => (await feedSeen(page)).events.some((event) => event.type === 'run.completed'), deadline).toBe(true);
    const seen = await feedSeen(page);
    const ready = seen.ready[0] ?? Infinity;
    expect(seen.events.every((event) => event.id > ready)).toBe(true);
    expect(seen.events.filter((event) => event.type === 'run.started')).toHaveLength(1);
    expect(seen.events.filter((event) => event.type === 'run.completed')).toHaveLength(1);
    await page.close();
  });
});
