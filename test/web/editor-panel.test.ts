import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TaskProject } from '../support/task-project.js';
import type { Browser } from './browser.js';
import { deadline } from './dashboard-session.js';
import { loggedInDashboard, showFailure } from './logged-in-dashboard.js';

/*
 * The pipeline editor's attribute panel and keyboard in a real browser (issue 15), against a real
 * daemon: an edge's and the graph's attributes set from the side panel (rankdir lays the graph out
 * again in the new direction), a node selected with the keyboard alone and deleted with Delete.
 * Each saved file is compared whole with what it should be: no line but the edited ones changes.
 */

const flow = `// A small flow, laid out left to right.
digraph Flow {
  graph [goal="Ship a change", rankdir=LR]

  start [shape=Mdiamond]
  exit  [shape=Msquare]
  plan  [prompt="Plan the change"]   // the model plans
  ship  [prompt="Ship it"]

  start -> plan
  plan -> ship [label="ready"]
  ship -> exit
}
`;

const keys = `digraph Keys {
  graph [goal="Tidy up"]
  start [shape=Mdiamond]
  exit  [shape=Msquare]
  plan  [prompt="Plan"]
  draft [prompt="A draft nobody needs"]   /* to be deleted */
  ship  [prompt="Ship"]
  start -> plan
  plan -> ship
  plan -> draft [label="maybe"]
  draft -> ship
  ship -> exit
}
`;

let p: TaskProject;
let url: string;
let browser: Browser;

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const file = (name: string) => join(p.project, 'pipelines', name);

/** The centres of the nodes, in the order given, as the browser draws them now. */
async function centres(page: Page, ids: string[]): Promise<Array<{ x: number; y: number }>> {
  return Promise.all(
    ids.map(async (id) => {
      const box = (await node(page, id).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  );
}

/** How the chain start → plan → ship → exit runs on screen: 'x' (left to right) or 'y' (top to bottom), else 'mixed'. */
async function axisOf(page: Page): Promise<'x' | 'y' | 'mixed'> {
  const at = await centres(page, ['start', 'plan', 'ship', 'exit']);
  const steps = at.slice(1).map((point, index) => ({ dx: point.x - at[index]!.x, dy: point.y - at[index]!.y }));
  if (steps.every(({ dx, dy }) => dx > 20 && Math.abs(dy) < 5)) return 'x';
  if (steps.every(({ dx, dy }) => dy > 20 && Math.abs(dx) < 5)) return 'y';
  return 'mixed';
}

async function openPipeline(page: Page, name: string, anyNode: string): Promise<void> {
  await page.goto(`${url}/#/editor`);
  await page.getByRole('link', { name: `pipelines/${name}` }).click();
  await node(page, anyNode).waitFor(deadline);
  await page.getByTestId('validation-summary').filter({ hasText: /0 errors/ }).waitFor(deadline);
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('editor-message').filter({ hasText: 'Saved.' }).waitFor(deadline);
}

beforeAll(async () => {
  p = new TaskProject();
  mkdirSync(join(p.project, 'pipelines'));
  writeFileSync(file('flow.dot'), flow);
  writeFileSync(file('keys.dot'), keys);
  ({ url, browser } = await loggedInDashboard(p));
}, 120_000);

afterEach((context) => showFailure(browser, context, 'editor-panel'));

afterAll(async () => {
  await browser?.close();
  await p?.cleanup();
});

describe('issue 15: the editor\'s attribute panel and keyboard in a real browser', () => {
  it('issue 15: an edge\'s condition and the graph\'s rankdir set in the side panel are saved on their lines only; rankdir=TB lays the graph out top to bottom', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await openPipeline(page, 'flow.dot', 'ship');
    await expect.poll(() => axisOf(page), deadline).toBe('x');

    await page.locator('.react-flow__edge[data-id="plan->ship#0"]').click();
    const panel = page.getByTestId('attribute-panel');
    await panel.getByRole('heading', { name: 'Edge plan → ship' }).waitFor(deadline);
    expect(await panel.getByLabel('label', { exact: true }).inputValue()).toBe('ready');
    await panel.getByText('More attributes').click();
    await panel.getByLabel('condition', { exact: true }).fill('outcome=success');
    await panel.getByLabel('condition', { exact: true }).press('Enter');
    await page.locator('.cm-content').filter({ hasText: 'condition="outcome=success"' }).waitFor(deadline);

    // The graph's panel opens on the empty canvas; a new direction lays the graph out again.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await panel.getByRole('heading', { name: 'Graph Flow' }).waitFor(deadline);
    await panel.getByLabel('rankdir', { exact: true }).selectOption('TB');
    await page.locator('.cm-content').filter({ hasText: 'rankdir=TB' }).waitFor(deadline);
    await expect.poll(() => axisOf(page), deadline).toBe('y');

    await save(page);
    const expected = flow
      .replace('graph [goal="Ship a change", rankdir=LR]', 'graph [goal="Ship a change", rankdir=TB]')
      .replace('plan -> ship [label="ready"]', 'plan -> ship [label="ready", condition="outcome=success"]');
    expect(readFileSync(file('flow.dot'), 'utf8')).toBe(expected);
  });

  it('issue 15: a node reached with Tab, selected with Enter and deleted with Delete goes with its edges and nothing else', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await openPipeline(page, 'keys.dot', 'draft');
    // From the text field before the graph, Tab until the node has the focus (the keyboard only).
    await page.getByLabel('New node id').focus();
    const focused = () => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? document.activeElement?.tagName ?? '');
    let presses = 0;
    while ((await focused()) !== 'draft') {
      expect(presses++, 'Tab never reached the node draft').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('attribute-panel');
    await panel.getByRole('heading', { name: 'Node draft' }).waitFor(deadline);
    expect(await node(page, 'draft').getAttribute('class')).toContain('selected');
    await page.keyboard.press('Delete');
    await node(page, 'draft').waitFor({ state: 'detached', ...deadline });
    expect(await page.locator('.react-flow__edge[data-id^="draft->"], .react-flow__edge[data-id*="->draft#"]').count()).toBe(0);

    await save(page);
    const gone = ['  draft [prompt="A draft nobody needs"]   /* to be deleted */', '  plan -> draft [label="maybe"]', '  draft -> ship'];
    const expected = keys.split('\n').filter((line) => !gone.includes(line)).join('\n');
    expect(readFileSync(file('keys.dot'), 'utf8')).toBe(expected);
  });

  it('issue 15: the editor logged no error', () => {
    expect(browser.errors).toEqual([]);
  });
});
