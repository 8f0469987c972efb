import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TaskProject } from '../support/task-project.js';
import { apiOf, tokenIn } from './dashboard-session.js';
import { dashboardInFirefox, offOrigin, shots, showFailure, tabTo, type Firefox } from './firefox.js';

/*
 * The runs pages and the Agents page in Firefox (issue 15: "works in Chromium and Firefox"):
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi against a real daemon (the built
 * CLI, simulated models). Each page renders, its main controls are reached and worked with the
 * keyboard alone, nothing is asked of another origin and nothing is logged as an error. Screenshots
 * go to a temp dir (see `shots`), to compare by eye with Chromium's in docs/screenshots.
 */

const wait = { timeout: 30_000 };

const pipeline = `digraph Ship {
  graph [goal="Ship a change", rankdir=LR]
  start [shape=Mdiamond]
  plan  [prompt="Plan the change"]
  ship  [prompt="Ship it"]
  exit  [shape=Msquare]
  start -> plan -> ship -> exit
}
`;

let p: TaskProject;
let origin: string;
let firefox: Firefox;
let runId: string;

beforeAll(async () => {
  p = new TaskProject();
  ({ firefox, origin } = await dashboardInFirefox(p, async (at) => {
    const token = await tokenIn(p, 'default', 'firefox-runs');
    runId = String((await apiOf(at)('/runs', token, { project: p.project, source: pipeline, simulate: true })).runId);
  }));
}, 120_000);

afterEach((context) => showFailure(firefox, context.task));

afterAll(async () => {
  await firefox?.close();
  await p?.cleanup();
});

const node = (id: string, state: string) => `.react-flow__node[data-id="${id}"] .state-node[data-state="${state}"]`;

describe('issue 15: the runs pages and the Agents page in Firefox', () => {
  it('issue 15: Firefox lists the runs; the keyboard selects a run and opens it', { timeout: 90_000 }, async () => {
    const { page } = firefox;
    await page.waitForSelector(`tr[data-run="${runId}"] .badge-completed`, wait);
    expect(await page.$eval('h1', (heading) => heading.textContent)).toBe('Runs');
    expect(firefox.version).toMatch(/^\d+\./);
    await page.screenshot({ path: join(shots, 'runs.png') });

    // The navigation, the kind filter and the run's check box are all on the way.
    const stops = await tabTo(page, new RegExp(`Select run ${runId}`));
    expect(stops.join('\n')).toMatch(/a\[a\] Runs[\s\S]*a\[a\] Agents[\s\S]*button\[button\] Theme: system/);
    await page.keyboard.press(' ');
    await page.waitForSelector(`tr[data-run="${runId}"].is-selected`, wait);
    await tabTo(page, new RegExp(`a\\[a\\] ${runId}$`));
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/runs/${id}`, wait, runId);
  });

  it('issue 15: Firefox draws the run page\'s graph in its rankdir; Tab then Enter on a node opens its panel', { timeout: 90_000 }, async () => {
    const { page } = firefox;
    await page.waitForSelector(node('plan', 'succeeded'), wait);
    await page.waitForSelector(node('ship', 'succeeded'), wait);
    await page.waitForSelector('[data-testid="run-state"] .badge-completed', wait);
    // ELK laid the graph out left to right (rankdir=LR): each node is right of the one before.
    const xs = await page.evaluate(() => ['start', 'plan', 'ship', 'exit'].map((id) => document.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect().x));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    await page.screenshot({ path: join(shots, 'run.png') });

    const stops = await tabTo(page, /plan: succeeded/);
    // Cancel and Resume are disabled (the run is over), so out of the way; the views and Replay are on it.
    expect(stops.join('\n')).toMatch(/button\[button\] Graph\nbutton\[button\] Timeline\nbutton\[button\] Replay…\n[\s\S]*start: succeeded/);
    await page.keyboard.press('Enter');
    const panel = await page.waitForSelector('[data-testid="node-panel"] [data-testid="node-prompt"]', wait);
    expect(await panel!.evaluate((prompt) => prompt.textContent)).toContain('Plan the change');
    await page.screenshot({ path: join(shots, 'run-node.png') });
  });

  it('issue 15: Firefox shows the timeline of the nodes; the keyboard switches to it and zooms', { timeout: 90_000 }, async () => {
    const { page } = firefox;
    await tabTo(page, /button\[button\] Timeline$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.endsWith('?view=timeline'), wait);
    await page.waitForSelector('[data-testid="timeline"] [data-testid="timeline-bar"]', wait);
    expect(await page.$$eval('[data-testid="timeline-bar"]', (bars) => bars.length)).toBe(4);
    const width = () => page.$eval('.timeline-chart', (chart) => chart.getBoundingClientRect().width);
    const before = await width();
    await tabTo(page, /Zoom in/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="timeline"][data-zoom="2"]', wait);
    expect(await width()).toBeGreaterThan(before * 1.5);
    // The chart itself takes + and − once it has the focus.
    await tabTo(page, /Timeline chart/);
    await page.keyboard.press('+');
    await page.waitForSelector('[data-testid="timeline"][data-zoom="4"]', wait);
    await page.screenshot({ path: join(shots, 'timeline.png') });
  });

  it('issue 15: Firefox switches to the dark theme from the keyboard and paints with its colours', { timeout: 60_000 }, async () => {
    const { page } = firefox;
    const theme = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
    await tabTo(page, /Theme: system/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-theme') === 'dark', wait);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 20, 24)');
    await page.goto(`${origin}/#/runs/${runId}`);
    await page.waitForSelector(node('ship', 'succeeded'), wait);
    await page.screenshot({ path: join(shots, 'run-dark.png') });
    await tabTo(page, /Theme: dark/);
    await page.keyboard.press('Enter');
    expect(await theme()).toBeNull();
  });

  it('issue 15: Firefox shows the Agents page with the project\'s profiles; the keyboard reaches its project choice', { timeout: 60_000 }, async () => {
    const { page } = firefox;
    await tabTo(page, /a\[a\] Agents$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="profile-row"]').length === 5, wait);
    expect(await page.$eval('[data-testid="profiles-table"]', (table) => table.textContent)).toContain('fake');
    await tabTo(page, /select\[select\] Project/);
    await page.screenshot({ path: join(shots, 'agents.png'), fullPage: true });
  });

  it('issue 15: in Firefox no page logged an error and no request left the daemon\'s origin', () => {
    expect(firefox.requests.length).toBeGreaterThan(5);
    expect(offOrigin(firefox.requests, origin)).toEqual([]);
    expect(firefox.errors).toEqual([]);
  });
});
