import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadline, shots } from './dashboard-session.js';
import { useDashboard } from './use-dashboard.js';

/*
 * The runs pages in a real browser (issue 15): run actions, the waiting badge, the node panel, the
 * timeline, bulk actions and workflow instance pages, against a real daemon (the built CLI) with
 * simulated models. Every wait is on the DOM with a deadline; screenshots go to docs/screenshots.
 */

const slow = `digraph Slow {
  graph [goal="Wait a while"]
  start [shape=Mdiamond]
  exit  [shape=Msquare]
  plan  [prompt="Plan the wait"]
  work  [shape=parallelogram, tool_command="sleep 120"]
  start -> plan -> work -> exit
}
`;

const quick = `digraph Build {
  graph [goal="Build the widget", rankdir=LR]
  start  [shape=Mdiamond]
  exit   [shape=Msquare]
  plan   [prompt="Plan: $goal"]
  build  [shape=parallelogram, tool_command="echo building; echo done"]
  review [prompt="Review the build"]
  start -> plan -> build -> review -> exit
}
`;

const gate = `digraph Gate {
  start  [shape=Mdiamond]
  exit   [shape=Msquare]
  ask    [shape=hexagon, label="Go on?"]
  start -> ask
  ask -> exit [label="[Y] Yes"]
}
`;

const workflowFile = `import { step, waitForSignal, workflow } from 'orchestra';
export const release = workflow('release', async (ctx) => {
  const plan = await step(ctx, 'plan', async () => 'planned');
  const built = await step(ctx, 'build', async () => ({ artifact: 'widget.tgz' }));
  const go = await waitForSignal(ctx, 'ship');
  return { plan, built, go };
});
`;

const session = useDashboard({ files: { 'workflows/release.ts': workflowFile }, tokens: { mine: 'default' } });

const api = (path: string, body?: unknown) => session.api(path, session.tokens.mine, body);

const startRun = async (source: string) => String((await api('/runs', { project: session.p.project, source, simulate: true })).runId);

const runState = async (runId: string) => ((await api(`/runs/${runId}`)).run as { displayState: string }).displayState;

describe('issue 15: the runs pages in a real browser', () => {
  it('issue 15: cancel a running run from its page; it is then interrupted and can be resumed', { timeout: 90_000 }, async () => {
    const { url, browser } = session;
    const { page } = browser;
    const runId = await startRun(slow);
    await page.goto(`${url}/#/runs/${runId}`);
    await page.locator('.react-flow__node[data-id="work"] [data-state="running"]').waitFor(deadline);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-testid="run-state"] .badge-interrupted').waitFor(deadline);
    expect(await runState(runId)).toBe('interrupted');
    await expect.poll(() => page.getByRole('button', { name: 'Cancel' }).isDisabled(), deadline).toBe(true);
    const resume = page.getByRole('button', { name: 'Resume' });
    await expect.poll(() => resume.isEnabled(), deadline).toBe(true);
    await resume.click();
    await page.locator('[data-testid="run-state"] .badge-running').waitFor(deadline);
    await page.locator('.react-flow__node[data-id="work"] [data-state="running"]').waitFor(deadline);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-testid="run-state"] .badge-interrupted').waitFor(deadline);
  });

  it('issue 15: replay from a checkpoint with an edited context value; the new run starts with it', { timeout: 120_000 }, async () => {
    const { url, browser } = session;
    const { page } = browser;
    const runId = await startRun(quick);
    await expect.poll(() => runState(runId), deadline).toBe('completed');
    await page.goto(`${url}/#/runs/${runId}`);
    await page.getByRole('button', { name: 'Replay…' }).click();
    const form = page.getByRole('form', { name: 'Replay from a checkpoint' });
    // From the checkpoint after plan: build and review run again in the new run.
    const checkpoints = (await api(`/runs/${runId}`)).checkpoints as Array<{ seq: number; currentNode: string }>;
    const afterPlan = checkpoints.find((checkpoint) => checkpoint.currentNode === 'plan')!;
    await form.getByLabel('Checkpoint').selectOption(String(afterPlan.seq));
    const goal = form.getByLabel('graph.goal');
    await goal.waitFor(deadline);
    expect(await goal.inputValue()).toBe('"Build the widget"');
    await goal.fill('Build the gadget');
    await form.getByRole('button', { name: 'Start the replay' }).click();
    await page.waitForURL((address) => /#\/runs\/[0-9a-z]+$/.test(address.hash) && !address.hash.endsWith(runId), deadline);
    const newId = page.url().split('/').at(-1)!;
    await page.locator('[data-testid="run-state"] .badge-completed').waitFor(deadline);
    await page.getByText(`replayed from ${runId} at checkpoint ${afterPlan.seq}`).waitFor(deadline);
    await page.locator('.react-flow__node[data-id="review"]').click();
    const panel = page.getByTestId('node-panel');
    await panel.getByText('Context when it started').click();
    await expect.poll(() => panel.getByTestId('node-context').textContent(), deadline).toContain('"graph.goal": "Build the gadget"');
    await panel.getByTestId('node-prompt').waitFor(deadline);
    await panel.getByTestId('node-response').waitFor(deadline);
    await page.screenshot({ path: join(shots, 'run.png') });
    expect(((await api(`/runs/${newId}/checkpoints/1`)).context as Record<string, unknown>)['graph.goal']).toBe('Build the gadget');
    // The original run is untouched.
    expect(((await api(`/runs/${runId}/checkpoints/${afterPlan.seq}`)).context as Record<string, unknown>)['graph.goal']).toBe('Build the widget');
    await page.locator('.react-flow__node[data-id="build"]').click();
    await panel.getByTestId('node-tool-output').filter({ hasText: 'building' }).waitFor(deadline);

    // The original run's timeline (the view is part of the address): a bar per node visit, zoomed
    // with the buttons and with ctrl + wheel.
    await page.goto(`${url}/#/runs/${runId}`);
    await page.getByRole('button', { name: 'Timeline' }).click();
    await page.waitForURL(/\?view=timeline$/, deadline);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor(deadline);
    expect(await timeline.getByTestId('timeline-bar').count()).toBe(5);
    const width = async () => (await timeline.locator('.timeline-chart').boundingBox())!.width;
    const before = await width();
    await timeline.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => timeline.getAttribute('data-zoom'), deadline).toBe('2');
    expect(await width()).toBeGreaterThan(before * 1.5);
    await timeline.locator('.timeline-body').hover();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(() => timeline.getAttribute('data-zoom'), deadline).toBe('4');
    await timeline.getByRole('button', { name: 'Fit' }).click();
    await page.screenshot({ path: join(shots, 'timeline.png') });
  });

  it('issue 15: runs at a gate wait on "a person" on the list and the run page; bulk cancel from the list interrupts them', { timeout: 90_000 }, async () => {
    const { url, browser } = session;
    const { page } = browser;
    const ids = [await startRun(gate), await startRun(gate)];
    await page.goto(`${url}/#/runs?kind=pipelines`);
    for (const id of ids) await page.locator(`tr[data-run="${id}"] [data-testid="waits-on"]`).filter({ hasText: 'waits on a person' }).waitFor(deadline);
    await page.goto(`${url}/#/runs/${ids[0]}`);
    await page.getByTestId('waits-on').filter({ hasText: 'waits on a person' }).waitFor(deadline);
    await page.goto(`${url}/#/runs?kind=pipelines`);
    for (const id of ids) await page.getByRole('checkbox', { name: `Select run ${id}` }).check();
    await page.getByRole('button', { name: 'Cancel selected' }).click();
    await page.getByTestId('bulk-results').waitFor(deadline);
    for (const id of ids) await page.locator(`tr[data-run="${id}"] .badge-interrupted`).waitFor(deadline);
    expect(await Promise.all(ids.map(runState))).toEqual(['interrupted', 'interrupted']);

    // Retry resumes an interrupted run: both wait at their gate again.
    await page.getByRole('button', { name: 'Dismiss the results' }).click();
    for (const id of ids) await page.getByRole('checkbox', { name: `Select run ${id}` }).check();
    await page.getByRole('button', { name: 'Retry selected' }).click();
    await page.getByTestId('bulk-results').filter({ hasText: 'resumed' }).waitFor(deadline);
    for (const id of ids) await page.locator(`tr[data-run="${id}"] [data-testid="waits-on"]`).waitFor(deadline);
    expect(await Promise.all(ids.map(runState))).toEqual(['waiting', 'waiting']);
  });

  it('issue 15: a workflow instance page shows its steps and what it waits on, live; a signal sent from it finishes it', { timeout: 90_000 }, async () => {
    const { p, url, browser } = session;
    const { page } = browser;
    const started = await api('/workflows', { project: p.project, name: 'release' });
    const id = (started.instance as { id: string }).id;
    await page.goto(`${url}/#/runs?kind=workflows`);
    await page.getByRole('link', { name: id }).click();
    await page.waitForURL(new RegExp(`#/workflows/${id}$`), deadline);
    await page.getByTestId('waits-on').filter({ hasText: 'waits on a signal' }).waitFor(deadline);
    const steps = page.getByTestId('workflow-steps');
    await steps.getByRole('cell', { name: 'plan', exact: true }).waitFor(deadline);
    await steps.getByRole('cell', { name: 'build', exact: true }).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'workflow.png') });
    await page.getByRole('textbox', { name: 'Signal' }).fill('ship');
    await page.getByLabel('Data (JSON)').fill('{"by": "ann"}');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('[data-testid="instance-state"] .badge-completed').waitFor(deadline);
  });

  it('issue 15: no page logged an error (the ELK worker loads under the CSP) and no request left this machine', () => {
    const { url, browser } = session;
    expect(browser.errors).toEqual([]);
    expect(browser.requests.filter((request) => !request.startsWith(`${url}/`) && !request.startsWith('data:'))).toEqual([]);
    expect(browser.requests.some((request) => /\/assets\/elk-worker[^/]*\.js$/.test(request))).toBe(true);
  });
});
