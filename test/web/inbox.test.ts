import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadline, shots, type Json } from './dashboard-session.js';
import { reviewPipeline } from './pipelines.js';
import { useDashboard } from './use-dashboard.js';

/*
 * The inbox in a real browser (issue 15): Debian's Chromium against a real daemon (the built CLI,
 * a temp ORCHESTRA_HOME), logged in with `orchestra open --print`'s link. Pipelines with a human
 * gate run over the API (simulated: no model is called, the gate is real). Every wait is on the
 * DOM or the API with a deadline; screenshots go to docs/screenshots.
 */

const gate = reviewPipeline(`human.form="{ comment: { type: textarea, label: 'Comment', help: 'Why, or what to fix' } }"`);

/** A form of several field types, for refusing and accepting values. */
const refundForm = {
  amount: { type: 'number', label: 'Refund (EUR)', required: true, min: 1, max: 100 },
  reason: { type: 'select', label: 'Reason', required: true, options: [{ value: 'late', label: 'Arrived late' }, { value: 'broken', label: 'Arrived broken' }] },
  order: { type: 'text', label: 'Order number', pattern: '[A-Z]{2}-\\d{4}', help: 'As on the invoice, e.g. AB-1234' },
  notify: { type: 'boolean', label: 'Tell the customer by e-mail', default: true },
  note: { type: 'textarea', label: 'Note for the customer', max: 200 },
};

const people = `people:
  users:
    ann: { name: Ann Lee, email: ann@example.com }
    bob: { name: Bob Roy, email: bob@example.com }
  groups:
    reviewers: [ann]
    sales: [bob]
`;

// ann is the CLI's user (so the dashboard's and the tokens'), in group reviewers; bob is in sales.
const session = useDashboard({ project: { env: { ORCHESTRA_USER: 'ann' } }, homeFiles: { 'config.yaml': people }, tokens: { mine: 'default', other: 'globex' } });

/** Starts the gate pipeline over the API and waits for its gate's human task. */
const startGateRun = async (): Promise<{ runId: string; taskId: string }> => {
  const { p, tokens, api } = session;
  const runId = String((await api('/runs', tokens.mine, { project: p.project, source: gate, simulate: true })).runId);
  let taskId = '';
  await expect.poll(async () => (taskId = String(((await api(`/runs/${runId}`, tokens.mine)).run as Json).humanTask ?? '')), deadline).not.toBe('');
  return { runId, taskId };
};

const runState = async (runId: string) => String(((await session.api(`/runs/${runId}`, session.tokens.mine)).run as Json).displayState);

describe('issue 15: the inbox in a real browser', () => {
  it('issue 15: a gate answered from the inbox: the task is listed, its page shows the question and context, and the run goes on to the chosen node', { timeout: 120_000 }, async () => {
    const { p, url, browser } = session;
    const { page } = browser;
    const { runId, taskId } = await startGateRun();
    await page.goto(`${url}/#/inbox`);
    const row = page.locator(`tr[data-task="${taskId}"]`);
    await row.waitFor(deadline);
    expect(await row.textContent()).toContain(`gate review of run ${runId}`);

    await row.getByRole('link', { name: 'Ship it?' }).click();
    await page.waitForURL(new RegExp(`#/inbox/${taskId}$`), deadline);
    await page.getByRole('heading', { name: /Ship it\?/ }).waitFor(deadline);
    expect(await page.getByTestId('task-context').textContent()).toContain(runId);
    await page.getByRole('radio', { name: 'Approve' }).check();
    await page.getByLabel('Comment').fill('Reviewed: ship it');
    const sent = page.waitForRequest((request) => request.url().endsWith(`/human-tasks/${taskId}/answer`));
    await page.getByRole('button', { name: 'Answer', exact: true }).press('Enter');
    // A gate's task is answered with the people of its run's project, as the gate made it.
    expect((await sent).postDataJSON()).toEqual({ answer: { choice: 'ship', comment: 'Reviewed: ship it' }, project: realpathSync(p.project) });
    await page.getByTestId('task-answer').waitFor(deadline);
    expect(await page.getByTestId('task-answer').textContent()).toContain('Reviewed: ship it');

    await expect.poll(() => runState(runId), deadline).toBe('completed');
    await page.goto(`${url}/#/runs/${runId}`);
    await page.locator('.react-flow__node[data-id="ship"] .state-node[data-state="succeeded"]').waitFor(deadline);
    expect(await page.locator('.react-flow__node[data-id="fix"] .state-node').getAttribute('data-state')).toBe('pending');
  });

  it('issue 15: a gate answered in place on the run page: the run goes on along the chosen edge, live', { timeout: 120_000 }, async () => {
    const { url, browser } = session;
    const { page } = browser;
    const { runId, taskId } = await startGateRun();
    await page.goto(`${url}/#/runs/${runId}`);
    const gateForm = page.getByTestId('gate-answer');
    await gateForm.getByRole('heading', { name: 'Ship it?' }).waitFor(deadline);
    expect(await gateForm.getByRole('link', { name: 'open in the inbox' }).getAttribute('href')).toBe(`#/inbox/${taskId}`);
    // Answer without a choice: refused in the browser, beside the field, and nothing is sent.
    await gateForm.getByRole('button', { name: 'Answer', exact: true }).click();
    await gateForm.locator('.field-problem[data-field="choice"]').filter({ hasText: 'is required' }).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'run-gate.png') });
    await gateForm.getByRole('radio', { name: 'Fix' }).check();
    await gateForm.getByRole('button', { name: 'Answer', exact: true }).click();
    await page.locator('.react-flow__node[data-id="fix"] .state-node[data-state="succeeded"]').waitFor(deadline);
    await page.locator('[data-testid="run-state"] .badge-completed').waitFor(deadline);
    expect(await page.locator('.react-flow__node[data-id="ship"] .state-node').getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('gate-answer').count()).toBe(0);
  });

  it('issue 15: a form refuses a bad value in the browser and from the server, each beside its field, and accepts a good one', { timeout: 90_000 }, async () => {
    const { url, browser, tokens, api } = session;
    const { page } = browser;
    const context = { customer: 'Ada <img src=x onerror="document.title=1">', order: { lines: 2, total: 42.5 } };
    const task = await api('/human-tasks', tokens.mine, {
      title: 'Refund order AB-1234?', description: 'The parcel came **late**.\nRefund what is fair.', form: refundForm, context, sla: '4h', priority: 'high',
    });
    const id = String(task.id);
    const answers: string[] = [];
    page.on('request', (request) => request.url().endsWith(`/human-tasks/${id}/answer`) && answers.push(request.postData() ?? ''));
    await page.goto(`${url}/#/inbox/${id}`);
    await page.getByRole('heading', { name: /Refund order AB-1234\?/ }).waitFor(deadline);
    // Context and description are shown as text, never as HTML.
    expect(await page.getByTestId('task-context').textContent()).toContain('Ada <img src=x onerror="document.title=1">');
    expect(await page.getByTestId('task-description').textContent()).toBe('The parcel came **late**.\nRefund what is fair.');
    expect(await page.locator('main img').count()).toBe(0);

    // In the browser: too much, a bad order number, no reason; the first bad field gets the focus.
    await page.getByLabel('Refund (EUR)').fill('250');
    await page.getByLabel('Order number').fill('ab-1');
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    const problem = (field: string) => page.locator(`.field-problem[data-field="${field}"]`);
    await problem('amount').filter({ hasText: 'Refund (EUR) must be at most 100' }).waitFor(deadline);
    expect(await problem('reason').textContent()).toBe('Reason is required');
    expect(await problem('order').textContent()).toBe('Order number must match the pattern [A-Z]{2}-\\d{4}, got "ab-1"');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.getByLabel('Refund (EUR)').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(shots, 'human-task.png') });
    // A problem follows the edits: fixed, it goes.
    await page.getByLabel('Order number').fill('AB-1234');
    await problem('order').waitFor({ state: 'detached', ...deadline });
    expect(answers).toEqual([]);

    // From the server: an answer changed on its way (as an older page would send it) is refused field by field.
    await page.getByLabel('Refund (EUR)').fill('25');
    await page.getByRole('radio', { name: 'Arrived late' }).check();
    await page.route(`**/human-tasks/${id}/answer`, (route) => route.continue({ postData: route.request().postData()?.replace('"amount":25', '"amount":0') }));
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await problem('amount').filter({ hasText: 'Refund (EUR) must be at least 1' }).waitFor(deadline);
    await page.getByRole('alert').filter({ hasText: 'the answer is invalid: amount: must be at least 1' }).waitFor(deadline);
    await page.unroute(`**/human-tasks/${id}/answer`);
    expect(answers).toHaveLength(1);

    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await page.getByTestId('task-answer').waitFor(deadline);
    expect((await api(`/human-tasks/${id}`, tokens.mine)).answer).toEqual({ amount: 25, reason: 'late', order: 'AB-1234', notify: true });
  });

  it('issue 15: claim, release and reassign from the task page, each refusal shown as the server said it; a task answered with the keyboard only', { timeout: 90_000 }, async () => {
    const { url, browser, tokens, api } = session;
    const { page } = browser;
    const decision = { decision: { type: 'select', label: 'Decision', required: true, options: [{ value: 'ship', label: 'Ship' }, { value: 'hold', label: 'Hold' }] } };
    const task = await api('/human-tasks', tokens.mine, { title: 'Ship release 1.4?', form: decision, assignee: 'user:ann' });
    const id = String(task.id);
    await page.goto(`${url}/#/inbox/${id}`);
    const status = page.locator('.page-header .badge');
    await page.getByRole('button', { name: 'Claim' }).click();
    await status.filter({ hasText: 'claimed' }).waitFor(deadline);
    expect(await page.locator('.task-side').textContent()).toContain('Claimed byann');
    await page.getByRole('button', { name: 'Release' }).click();
    await status.filter({ hasText: 'open' }).waitFor(deadline);

    const to = page.getByLabel('Reassign to');
    await to.fill('bob');
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.locator('.field-problem[data-field="to"]').filter({ hasText: 'expected user:ID or group:ID' }).waitFor(deadline);
    await to.fill('user:zed');
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByRole('alert').filter({ hasText: 'unknown user "zed"' }).waitFor(deadline);
    await to.fill('user:bob');
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByTestId('task-assignee').filter({ hasText: 'user:bob' }).waitFor(deadline);
    // Now bob's: ann may not claim it, and the page says why.
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('alert').filter({ hasText: `ann may not claim human task "${id}": it is assigned to user:bob` }).waitFor(deadline);
    expect(await page.getByRole('alert').textContent()).toContain('Only the assignee');

    // The keyboard alone: Tab to the choices, arrows to pick, Tab to Answer, Enter.
    const mine = String((await api('/human-tasks', tokens.mine, { title: 'Hold the release?', form: decision })).id);
    await page.goto(`${url}/#/inbox/${mine}`);
    await page.getByRole('heading', { name: /Hold the release\?/ }).waitFor(deadline);
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.getAttribute('type') ?? ''}:${document.activeElement?.textContent ?? ''}`);
    for (let step = 0; step < 20 && !(await focused()).startsWith('INPUT:radio'); step += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('BUTTON:submit:Answer');
    await page.keyboard.press('Enter');
    await page.getByTestId('task-answer').waitFor(deadline);
    expect((await api(`/human-tasks/${mine}`, tokens.mine)).answer).toEqual({ decision: 'hold' });
  });

  it("issue 15: the open inbox shows a new task live, overdue first, with ticking countdowns; filters stay in the address; another tenant's tasks never appear", { timeout: 90_000 }, async () => {
    const { url, browser, tokens, api } = session;
    const { page } = browser;
    await page.goto(`${url}/#/inbox`);
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor(deadline);
    await page.locator('[data-testid="inbox-table"], [data-testid="inbox-empty"]').first().waitFor(deadline);
    const foreign = await api('/human-tasks', tokens.other, { title: 'Globex secret approval', form: { ok: { type: 'boolean' } } });
    const soon = await api('/human-tasks', tokens.mine, { title: 'Approve the budget', form: { ok: { type: 'boolean' } }, sla: '30m', assignee: 'user:ann' });
    const late = await api('/human-tasks', tokens.mine, { title: 'Sign the contract', form: { ok: { type: 'boolean' } }, dueAt: Date.now() - 90_000 });
    const ours = await api('/human-tasks', tokens.mine, { title: 'Review the release notes', form: { ok: { type: 'boolean' } }, assignee: 'group:reviewers', priority: 'urgent' });
    const theirs = await api('/human-tasks', tokens.mine, { title: 'Call the customer back', form: { ok: { type: 'boolean' } }, assignee: 'group:sales' });
    const rows = page.locator('tr[data-task]');
    await page.locator(`tr[data-task="${String(late.id)}"]`).waitFor(deadline);
    await page.locator(`tr[data-task="${String(soon.id)}"]`).waitFor(deadline);
    await page.locator(`tr[data-task="${String(ours.id)}"]`).waitFor(deadline);
    expect(await rows.first().getAttribute('data-task')).toBe(String(late.id));
    expect(await page.locator(`tr[data-task="${String(theirs.id)}"]`).count()).toBe(0);
    expect(await page.locator(`tr[data-task="${String(late.id)}"] .due`).textContent()).toMatch(/^overdue by 1m \d+s$/);
    const countdown = page.locator(`tr[data-task="${String(soon.id)}"] .due`);
    const first = await countdown.textContent();
    expect(first).toMatch(/^due in (29m \d+s|30m 0s)$/);
    await expect.poll(() => countdown.textContent(), deadline).not.toBe(first);
    await page.getByText(/\d+ overdue/).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'inbox.png') });

    // A filter is part of the address: reloading keeps it.
    await page.getByLabel('Show').selectOption('me');
    await page.waitForURL(/#\/inbox\?show=me$/, deadline);
    await page.reload();
    await page.locator(`tr[data-task="${String(soon.id)}"]`).waitFor(deadline);
    expect(await page.locator(`tr[data-task="${String(late.id)}"]`).count()).toBe(0);
    await page.getByLabel('Show').selectOption('groups');
    await page.locator(`tr[data-task="${String(ours.id)}"]`).waitFor(deadline);
    expect(await page.locator(`tr[data-task="${String(soon.id)}"]`).count()).toBe(0);
    await page.getByLabel('Show').selectOption('all');
    await page.locator(`tr[data-task="${String(theirs.id)}"]`).waitFor(deadline);
    await page.getByLabel('Status').selectOption('completed');
    await page.waitForURL(/#\/inbox\?show=all&status=completed$/, deadline);
    await page.locator('tr[data-task]').first().waitFor(deadline);
    expect(await page.locator(`tr[data-task="${String(soon.id)}"]`).count()).toBe(0);

    // Another tenant's task: in no list, and not found by its address.
    await page.getByLabel('Status').selectOption('');
    await page.locator(`tr[data-task="${String(late.id)}"]`).waitFor(deadline);
    expect(await page.content()).not.toContain('Globex secret');
    expect(await page.content()).not.toContain(String(foreign.id));
    await page.goto(`${url}/#/inbox/${String(foreign.id)}`);
    await page.getByRole('alert').filter({ hasText: 'does not exist' }).waitFor(deadline);
    expect(await page.content()).not.toContain('Globex secret');
  });

  it('issue 15: no inbox page logged an error but the 404 of the other tenant\'s task, and no request left this machine', () => {
    const { url, browser } = session;
    const foreign = browser.requests.filter((request) => !request.startsWith(`${url}/`) && !request.startsWith('data:'));
    expect(foreign).toEqual([]);
    // The refusals the tests asked for: the other tenant's task (404), the bad answer and reassignment (400), the claim of bob's task (403).
    const expected = (error: string) => /\/#\/inbox\/h\w+: .*status of (400|403|404)/.test(error);
    expect(browser.errors.filter((error) => !expected(error))).toEqual([]);
  });
});
