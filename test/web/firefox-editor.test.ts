import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TaskProject } from '../support/task-project.js';
import { dashboardInFirefox, offOrigin, shots, showFailure, tabTo, type Firefox } from './firefox.js';

/*
 * The pipeline editor in Firefox (issue 15): Debian's Firefox ESR driven by puppeteer-core over
 * WebDriver BiDi against a real daemon. With the keyboard alone: open a pipeline, add a node, type a
 * mistake into the DOT text (CodeMirror, in a shadow root) and see it marked on its line and node,
 * save, and run the pipeline with a variable until its nodes are green. Screenshots go to a temp dir.
 */

const wait = { timeout: 30_000 };

const welcome = `// Welcome a new colleague.
digraph Welcome {
  graph [goal="Welcome a colleague", rankdir=TB]
  begin [shape=Mdiamond]
  done  [shape=Msquare]
  greet [prompt="Write a welcome note for $name", label="Greet"]
  begin -> greet -> done
}
`;

let p: TaskProject;
let origin: string;
let firefox: Firefox;

beforeAll(async () => {
  p = new TaskProject();
  mkdirSync(join(p.project, 'pipelines'));
  writeFileSync(join(p.project, 'pipelines', 'welcome.dot'), welcome);
  ({ firefox, origin } = await dashboardInFirefox(p));
}, 120_000);

afterEach((context) => showFailure(firefox, context.task));

afterAll(async () => {
  await firefox?.close();
  await p?.cleanup();
});

const node = (id: string) => `.react-flow__node[data-id="${id}"]`;
const text = (selector: string) => firefox.page.$eval(selector, (element) => element.textContent ?? '');

describe('issue 15: the pipeline editor in Firefox', () => {
  it('issue 15: Firefox opens a pipeline in the editor from the keyboard, adds a node, marks a mistake typed in the DOT text on its line and node, and saves keeping the other lines', { timeout: 120_000 }, async () => {
    const { page } = firefox;
    await tabTo(page, /a\[a\] Editor$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('a[href*="welcome.dot"]', wait);
    await tabTo(page, /a\[a\] pipelines\/welcome\.dot$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector(node('greet'), wait);
    await page.waitForFunction(() => /0 errors/.test(document.querySelector('[data-testid="validation-summary"]')?.textContent ?? ''), wait);
    await page.screenshot({ path: join(shots, 'editor.png') });

    await tabTo(page, /input\[\w+\] New node id/);
    await page.keyboard.type('notify');
    await page.keyboard.press('Enter');
    await page.waitForSelector(node('notify'), wait);
    await page.waitForSelector('pierce/.cm-content', wait);

    // The DOT text takes the keyboard like any field: Tab reaches it, keys type into it.
    await tabTo(page, /DOT text of the pipeline/);
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    // Up from the empty last line to the closing brace: the new lines go just before it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    await page.keyboard.type('// greet again');
    await page.keyboard.press('Enter');
    await page.keyboard.type('greet [shape=boxx]');
    await page.keyboard.press('Enter');
    // greet already carries a note ($name is no run variable); the mistake joins it on the node.
    await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-label')?.includes('boxx'), wait, `${node('greet')} [data-diagnostic]`);
    // On its line too: CodeMirror underlines it (inside the editor's shadow root).
    await page.waitForSelector('pierce/.cm-lintRange-warning, .cm-lintRange-error', wait);
    await page.screenshot({ path: join(shots, 'editor-diagnostics.png') });

    await tabTo(page, /button\[button\] Save$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="editor-message"]')?.textContent?.includes('Saved.'), wait);
    const saved = readFileSync(join(p.project, 'pipelines', 'welcome.dot'), 'utf8');
    expect(saved).toContain('// Welcome a new colleague.');
    expect(saved).toContain('greet [prompt="Write a welcome note for $name", label="Greet"]');
    expect(saved).toMatch(/^\s*notify\b/m);
    expect(saved).toMatch(/\/\/ greet again\n\s*greet \[shape=boxx\]/);
    expect(await text('[data-testid="validation-summary"]')).toMatch(/warning|error/);
  });

  it('issue 15: Firefox runs a pipeline from the editor with a variable, from the keyboard, and the run page shows its nodes green', { timeout: 120_000 }, async () => {
    const { page } = firefox;
    writeFileSync(join(p.project, 'pipelines', 'welcome.dot'), welcome);
    await page.goto(`${origin}/#/editor`);
    await page.waitForSelector('a[href*="welcome.dot"]', wait);
    await tabTo(page, /a\[a\] pipelines\/welcome\.dot$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector(node('greet'), wait);
    await tabTo(page, /summary\[summary\] Run…/);
    await page.keyboard.press('Enter');
    await tabTo(page, /textarea\[textarea\] Variables/);
    await page.keyboard.type('name=Ann');
    await tabTo(page, /input\[checkbox\] Simulate \(no model\)/);
    await page.keyboard.press(' ');
    await tabTo(page, /button\[submit\] Run$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#\/runs\/[^/]+$/.test(location.hash), wait);
    const green = (id: string) => `${node(id)} .state-node[data-state="succeeded"]`;
    await page.waitForSelector(green('greet'), wait);
    await page.waitForSelector(green('done'), wait);
    await page.waitForSelector('[data-testid="run-state"] .badge-completed', wait);
    const runId = decodeURIComponent(page.url().split('/').pop()!);
    const run = await page.evaluate(async (id) => (await (await fetch(`/runs/${id}`)).json()) as { run: { variables: Record<string, string> } }, runId);
    expect(run.run.variables).toEqual({ name: 'Ann' });
  });

  it('issue 15: in Firefox the editor logged no error and asked nothing of another origin', () => {
    expect(firefox.requests.length).toBeGreaterThan(5);
    expect(offOrigin(firefox.requests, origin)).toEqual([]);
    expect(firefox.errors).toEqual([]);
  });
});
