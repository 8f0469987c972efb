import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/helpers/spawn-cli.js';
import { createToken, startDaemon } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';
import { launchFirefox, type Firefox } from './firefox.js';

/*
 * The dashboard in Firefox (issue 15: "works in Chromium and Firefox"): Debian's Firefox ESR over
 * WebDriver BiDi against a real daemon. The same login link, the runs page and a run page drawn by
 * React Flow and ELK, the theme toggle; no console error on the way.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'docs', 'screenshots');

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
let url: string;
let firefox: Firefox;

beforeAll(async () => {
  assertBuilt();
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` before the dashboard tests.');
  p = new TaskProject();
  url = await startDaemon(p);
  firefox = await launchFirefox();
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await p?.cleanup();
});

describe('issue 15: the dashboard in Firefox', () => {
  it('issue 15: Firefox logs in with the link, renders the runs page and a run page with its graph, toggles the theme, shows the Agents page, and logs no error', { timeout: 120_000 }, async () => {
    const token = await createToken(p, 'firefox', 'write');
    const started = await fetch(`${url}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ project: p.project, source: pipeline, simulate: true }),
    });
    expect(started.status, await started.clone().text()).toBe(200);
    const { runId } = (await started.json()) as { runId: string };

    const printed = await p.bin(['open', '--print']);
    expect(printed.code, printed.stderr).toBe(0);
    await firefox.goto(printed.stdout.trim());
    await firefox.waitFor(`location.hash === '#/runs' && document.querySelector('tr[data-run="${runId}"]')`);
    expect(await firefox.evaluate<string>('document.querySelector("h1").textContent')).toBe('Runs');
    await firefox.waitFor(`document.querySelector('tr[data-run="${runId}"] .badge-completed')`);
    await firefox.screenshot(join(shots, 'runs-firefox.png'));

    await firefox.evaluate(`document.querySelector('a[href="#/runs/${runId}"]').click()`);
    await firefox.waitFor(`location.hash === '#/runs/${runId}'`);
    const node = (id: string, state: string) => `document.querySelector('.react-flow__node[data-id="${id}"] .state-node[data-state="${state}"]')`;
    await firefox.waitFor(node('plan', 'succeeded'));
    await firefox.waitFor(node('ship', 'succeeded'));
    // ELK laid the graph out left to right (rankdir=LR): each node is right of the one before.
    const xs = await firefox.evaluate<number[]>(`['start', 'plan', 'ship', 'exit'].map((id) => document.querySelector('.react-flow__node[data-id="' + id + '"]').getBoundingClientRect().x)`);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);

    const toggle = `document.querySelector('button.theme-toggle')`;
    await firefox.evaluate(`${toggle}.click()`);
    await firefox.evaluate(`${toggle}.click()`);
    expect(await firefox.evaluate<string | null>(`document.documentElement.getAttribute('data-theme')`)).toBe('dark');
    expect(await firefox.evaluate<string>(`getComputedStyle(document.body).backgroundColor`)).toBe('rgb(17, 20, 24)');
    await firefox.screenshot(join(shots, 'run-firefox-dark.png'));
    await firefox.evaluate(`${toggle}.click()`);
    expect(await firefox.evaluate<string | null>(`document.documentElement.getAttribute('data-theme')`)).toBeNull();

    // The Agents page: the project's profiles, from GET /agents.
    await firefox.evaluate(`document.querySelector('a[href="#/agents"]').click()`);
    await firefox.waitFor(`document.querySelectorAll('[data-testid="profile-row"]').length === 5`);
    expect(await firefox.evaluate<string>(`document.querySelector('[data-testid="profiles-table"]').textContent`)).toContain('fake');

    expect(firefox.version).toMatch(/^\d+\./);
    expect(firefox.errors).toEqual([]);
  });
});
