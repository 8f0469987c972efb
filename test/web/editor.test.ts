import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/helpers/spawn-cli.js';
import { startDaemon } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';
import { launchBrowser, type Browser } from './browser.js';

/*
 * The pipeline editor in a real browser (issue 15): Debian's Chromium against a real daemon (the
 * built CLI, a temp ORCHESTRA_HOME). A pipeline is edited in the graph view and saved, and the file
 * on disk keeps every line the edits did not touch; a mistake typed in the text shows on its line
 * and on its node; a run started from the editor with a variable goes green on its run page.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'docs', 'screenshots');
const deadline = { timeout: 30_000 };

const review = `// Review a change before it ships.
digraph Review {
  graph [goal="Ship a change", rankdir=LR]

  /* The two ends. */
  start  [shape=Mdiamond]
  exit   [shape=Msquare]

  plan   [prompt="Plan the change"]   // the model plans
  ship   [prompt="Ship it"]
  fix    [prompt="Fix it"]

  start -> plan -> ship
  plan -> fix [label="needs work"]
  ship -> exit
  fix -> exit
}
`;

const hello = `digraph Hello {
  graph [goal="Greet someone"]
  start [shape=Mdiamond]
  exit  [shape=Msquare]
  greet [prompt="Say hello to $name"]
  start -> greet -> exit
}
`;

let p: TaskProject;
let url: string;
let browser: Browser;

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Every line of `original`, in its order, is a line of `saved`: nothing the edits did not touch moved or changed. */
function keptLines(original: string, saved: string): string[] {
  const lines = saved.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const line of original.split('\n')) {
    const found = lines.indexOf(line, at);
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

beforeAll(async () => {
  assertBuilt();
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` (it builds the dashboard) before the dashboard tests.');
  p = new TaskProject();
  mkdirSync(join(p.project, 'pipelines'));
  writeFileSync(join(p.project, 'pipelines', 'review.dot'), review);
  writeFileSync(join(p.project, 'pipelines', 'hello.dot'), hello);
  url = await startDaemon(p);
  browser = await launchBrowser();
  const printed = await p.bin(['open', '--print']);
  expect(printed.code, printed.stderr).toBe(0);
  await browser.page.goto(printed.stdout.trim());
  await browser.page.waitForURL(/#\/runs$/, deadline);
}, 120_000);

// A failing test leaves its page's picture and text, to see what the browser showed.
afterEach(async (context) => {
  if (context.task.result?.state === 'fail') {
    await browser.page.screenshot({ path: `/tmp/editor-fail-${context.task.name.slice(10, 20)}.png` });
    console.log(await browser.page.locator('main').innerText());
  }
});

afterAll(async () => {
  await browser?.close();
  await p?.cleanup();
});

describe('issue 15: the pipeline editor in a real browser', () => {
  it('issue 15: a node added, connected by dragging, pinned by moving it and given a prompt in the panel is saved into the DOT file (one deleted with the Delete key is not), every other line kept as written', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await page.goto(`${url}/#/editor`);
    await page.getByRole('link', { name: 'pipelines/review.dot' }).click();
    await node(page, 'plan').waitFor(deadline);
    await page.getByTestId('validation-summary').filter({ hasText: /0 errors/ }).waitFor(deadline);

    await page.getByLabel('New node id').fill('notify');
    await page.getByRole('button', { name: 'Add node' }).click();
    await node(page, 'notify').waitFor(deadline);
    await page.getByRole('heading', { name: 'Node notify' }).waitFor(deadline);

    // An edge dragged from ship's outgoing handle onto notify's incoming one.
    await page.locator('.react-flow__node[data-id="ship"] .react-flow__handle.source').dragTo(page.locator('.react-flow__node[data-id="notify"] .react-flow__handle.target'));
    await page.locator('.react-flow__edge[data-id="ship->notify#0"]').waitFor(deadline);
    await page.locator('.cm-content').filter({ hasText: 'ship -> notify' }).waitFor(deadline);

    await node(page, 'notify').click();
    const panel = page.getByTestId('attribute-panel');
    await panel.getByRole('heading', { name: 'Node notify' }).waitFor(deadline);
    await panel.getByLabel('prompt', { exact: true }).fill('Tell the team it shipped');
    await panel.getByLabel('prompt', { exact: true }).blur();
    await page.locator('.cm-content').filter({ hasText: 'Tell the team it shipped' }).waitFor(deadline);

    // Dropped somewhere else, a node is pinned there: its pos is written into the file.
    const box = (await node(page, 'notify').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 60, { steps: 5 });
    await page.mouse.up();
    await page.locator('.cm-content').filter({ hasText: /notify \[prompt="Tell the team it shipped", pos="-?\d+,-?\d+!"\]/ }).waitFor(deadline);

    // A node added by mistake goes again with the Delete key.
    await page.getByLabel('New node id').fill('scratch');
    await page.getByLabel('New node id').press('Enter');
    await node(page, 'scratch').click();
    await page.keyboard.press('Delete');
    await node(page, 'scratch').waitFor({ state: 'detached', ...deadline });
    expect(await page.locator('.cm-content').textContent()).not.toContain('scratch');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('editor-message').filter({ hasText: 'Saved.' }).waitFor(deadline);
    const saved = readFileSync(join(p.project, 'pipelines', 'review.dot'), 'utf8');
    expect(keptLines(review, saved)).toEqual([]);
    expect(saved).toMatch(/^\s*notify \[prompt="Tell the team it shipped", pos="-?\d+,-?\d+!"\]$/m);
    expect(saved).toMatch(/^\s*ship -> notify\b/m);
    expect(saved).toContain('// Review a change before it ships.');
    await page.getByTestId('validation-summary').filter({ hasText: /errors?,/ }).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'editor.png') });

    // Saving again over a change made elsewhere is refused with the server's words.
    writeFileSync(join(p.project, 'pipelines', 'review.dot'), `${saved}// edited elsewhere\n`);
    await node(page, 'notify').click();
    await panel.getByLabel('prompt', { exact: true }).fill('Tell everyone');
    await panel.getByLabel('prompt', { exact: true }).blur();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('editor-message').and(page.getByRole('alert')).waitFor(deadline);
    expect(readFileSync(join(p.project, 'pipelines', 'review.dot'), 'utf8')).toContain('// edited elsewhere');
  });

  it('issue 15: a mistake typed in the text is marked on its line and on its node; text that does not parse keeps the last graph', { timeout: 90_000 }, async () => {
    const { page } = browser;
    await page.goto(`${url}/#/editor`);
    await page.getByRole('link', { name: 'pipelines/hello.dot' }).click();
    await node(page, 'greet').waitFor(deadline);

    await page.locator('.cm-line', { hasText: 'greet [prompt=' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('greet [shape=boxx]');
    const line = page.locator('.cm-line', { hasText: 'greet [shape=boxx]' });
    await line.locator('.cm-lintRange-warning, .cm-lintRange-error').waitFor(deadline);
    await node(page, 'greet').locator('[data-diagnostic]').waitFor(deadline);
    expect(await node(page, 'greet').locator('[data-diagnostic]').getAttribute('aria-label')).toContain('boxx');
    await page.screenshot({ path: join(shots, 'editor-diagnostics.png') });

    await page.keyboard.press('Enter');
    await page.keyboard.type('greet -> -> exit');
    await page.getByTestId('parse-error').waitFor(deadline);
    expect(await node(page, 'greet').count()).toBe(1);
    await page.locator('.cm-lintRange-error').first().waitFor(deadline);
  });

  it('issue 15: Run from the editor with a variable opens the run page, where its nodes turn green', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await page.goto(`${url}/#/editor`);
    await page.getByRole('link', { name: 'pipelines/hello.dot' }).click();
    await node(page, 'greet').waitFor(deadline);
    await page.getByText('Run…').click();
    await page.getByLabel(/^Variables/).fill('name=Ann');
    await page.getByLabel('Simulate (no model)').check();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForURL(/#\/runs\/[^/]+$/, deadline);
    const runId = decodeURIComponent(page.url().split('/').pop()!);
    const green = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] .state-node[data-state="succeeded"]`);
    await green('greet').waitFor(deadline);
    await green('exit').waitFor(deadline);
    await page.locator('[data-testid="run-state"] .badge-completed').waitFor(deadline);
    const run = await page.evaluate(async (id) => (await (await fetch(`/runs/${id}`)).json()) as { run: { variables: Record<string, string>; file: string } }, runId);
    expect(run.run.variables).toEqual({ name: 'Ann' });
    expect(run.run.file).toMatch(/pipelines\/hello\.dot$/);
  });

  it('issue 15: New pipeline writes a pipeline that validates and opens it', { timeout: 60_000 }, async () => {
    const { page } = browser;
    await page.goto(`${url}/#/editor`);
    await page.getByLabel('File').fill('pipelines/release-notes.dot');
    await page.getByRole('button', { name: 'New pipeline' }).click();
    await page.waitForURL(/#\/editor\/.+release-notes\.dot$/, deadline);
    await node(page, 'exit').waitFor(deadline);
    await page.getByTestId('validation-summary').filter({ hasText: '0 errors' }).waitFor(deadline);
    expect(readFileSync(join(p.project, 'pipelines', 'release-notes.dot'), 'utf8')).toMatch(/^digraph ReleaseNotes \{/);
    // The same name again is refused: a new pipeline never overwrites a file.
    await page.goto(`${url}/#/editor`);
    await page.getByLabel('File').fill('pipelines/release-notes.dot');
    await page.getByRole('button', { name: 'New pipeline' }).click();
    await page.getByRole('alert').waitFor(deadline);
  });

  it('issue 15: the editor logged no error (no CSP violation: CodeMirror\'s styles are constructed sheets) but the refused saves\' 409s', () => {
    expect(browser.errors.filter((error) => !error.includes('status of 409'))).toEqual([]);
    // Two: the save over a changed file, and the new pipeline over an existing one.
    expect(browser.errors.some((error) => error.includes('status of 409'))).toBe(true);
  });
});
