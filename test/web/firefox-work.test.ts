import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gatePipeline } from '../../src/cli/testing/pipelines.js';
import { ok } from '../support/task-assertions.js';
import { TaskProject } from '../support/task-project.js';
import { apiOf, tokenIn, type Json } from './dashboard-session.js';
import { dashboardInFirefox, offOrigin, shots, showFailure, tabTo, type Firefox } from './firefox.js';

/*
 * The inbox, a human task's form, the tasks board and a task's terminal in Firefox (issue 15):
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi against a real daemon whose gate
 * runs are simulated and whose task runs the scripted fake agent in a real PTY. Every control is
 * reached and worked with the keyboard alone; nothing is asked of another origin, nothing logged as
 * an error. Screenshots go to the same temp dir as firefox.test.ts's.
 */

const wait = { timeout: 30_000 };

/** The CLI tests' gate, asking for a comment too. */
const gate = gatePipeline.replace('label="Ship it?"', `label="Ship it?", human.form="{ comment: { type: textarea, label: 'Comment' } }"`);

const refund = {
  amount: { type: 'number', label: 'Refund (EUR)', required: true, min: 1, max: 100 },
  reason: { type: 'select', label: 'Reason', required: true, options: [{ value: 'late', label: 'Arrived late' }, { value: 'broken', label: 'Arrived broken' }] },
  notify: { type: 'boolean', label: 'Tell the customer by e-mail', default: true },
};

let p: TaskProject;
let origin: string;
let firefox: Firefox;
let token: string;
let api: ReturnType<typeof apiOf>;

beforeAll(async () => {
  p = new TaskProject();
  ({ firefox, origin } = await dashboardInFirefox(p, async (at) => {
    api = apiOf(at);
    token = await tokenIn(p, 'default', 'firefox-work');
    ok(await p.bin(['new', 'fix-date-tests', '-m', 'Make the date tests pass in every time zone.', '--agent', 'fake']));
    ok(await p.bin(['start', 'fix-date-tests']));
    await p.waitForTask('fix-date-tests', (task) => task.needsInput);
  }));
}, 120_000);

afterEach((context) => showFailure(firefox, context.task));

afterAll(async () => {
  await firefox?.close();
  await p?.cleanup();
});

const text = (selector: string) => firefox.page.$eval(selector, (element) => element.textContent ?? '');

describe('issue 15: the inbox and the tasks in Firefox', () => {
  it('issue 15: Firefox lists a gate\'s human task in the inbox; the keyboard opens it, picks a choice, writes a comment and answers; the run goes on', { timeout: 120_000 }, async () => {
    const { page } = firefox;
    const runId = String((await api('/runs', token, { project: p.project, source: gate, simulate: true })).runId);
    let taskId = '';
    await expect.poll(async () => (taskId = String(((await api(`/runs/${runId}`, token)).run as Json).humanTask ?? '')), wait).not.toBe('');

    await tabTo(page, /a\[a\] Inbox$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`tr[data-task="${taskId}"]`, wait);
    expect(await text(`tr[data-task="${taskId}"]`)).toContain(`gate review of run ${runId}`);
    await page.screenshot({ path: join(shots, 'inbox.png') });
    const stops = await tabTo(page, /a\[a\] Ship it\?$/);
    expect(stops.join('\n')).toMatch(/select\[select\] Show\nselect\[select\] Status/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/inbox/${id}`, wait, taskId);
    await page.waitForSelector('[data-testid="task-context"]', wait);
    expect(await text('[data-testid="task-context"]')).toContain(runId);

    await tabTo(page, /input\[radio\] .*Approve/);
    await page.keyboard.press(' ');
    await tabTo(page, /textarea\[textarea\] Comment/);
    await page.keyboard.type('Reviewed in Firefox');
    await tabTo(page, /button\[submit\] Answer$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="task-answer"]', wait);
    expect(await text('[data-testid="task-answer"]')).toContain('Reviewed in Firefox');
    await expect.poll(async () => ((await api(`/runs/${runId}`, token)).run as Json).displayState, wait).toBe('completed');
    expect(((await api(`/human-tasks/${taskId}`, token)).answer)).toEqual({ choice: 'ship', comment: 'Reviewed in Firefox' });
  });

  it('issue 15: Firefox refuses a bad value in a form beside its field, sends nothing, then accepts a good one typed in', { timeout: 90_000 }, async () => {
    const { page } = firefox;
    const id = String((await api('/human-tasks', token, { title: 'Refund order AB-1234?', form: refund, sla: '4h' })).id);
    const answers: string[] = [];
    page.on('request', (request) => void (request.url().endsWith(`/human-tasks/${id}/answer`) && answers.push(request.url())));
    await page.goto(`${origin}/#/inbox/${id}`);
    await page.waitForSelector('.task-side', wait);

    await tabTo(page, /input\[\w+\] Refund \(EUR\)/);
    await page.keyboard.type('250');
    await tabTo(page, /button\[submit\] Answer$/);
    await page.keyboard.press('Enter');
    const problem = (field: string) => `.field-problem[data-field="${field}"]`;
    await page.waitForSelector(problem('amount'), wait);
    expect(await text(problem('amount'))).toBe('Refund (EUR) must be at most 100');
    expect(await text(problem('reason'))).toBe('Reason is required');
    // The first bad field has the focus, as in Chromium.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await page.screenshot({ path: join(shots, 'human-task.png') });
    expect(answers).toEqual([]);

    await tabTo(page, /input\[\w+\] Refund \(EUR\)/);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('25');
    await tabTo(page, /input\[radio\] Arrived late/);
    await page.keyboard.press(' ');
    await tabTo(page, /button\[submit\] Answer$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="task-answer"]', wait);
    expect((await api(`/human-tasks/${id}`, token)).answer).toEqual({ amount: 25, reason: 'late', notify: true });
    expect(answers).toHaveLength(1);
  });

  it('issue 15: Firefox shows the tasks board by status; the keyboard opens a task, attaches its terminal, types to the agent and sees it answer', { timeout: 120_000 }, async () => {
    const { page } = firefox;
    await tabTo(page, /a\[a\] Tasks$/);
    await page.keyboard.press('Enter');
    const card = '[data-testid="task-column"][data-status="idle"] [data-testid="task-card"]';
    await page.waitForSelector(card, wait);
    expect(await text(card)).toContain('needs input');
    await page.screenshot({ path: join(shots, 'tasks.png') });
    const stops = await tabTo(page, /a\[a\] .*fix-date-tests/);
    expect(stops.join('\n')).toMatch(/select\[select\] Project/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="task-description"]', wait);
    expect(await text('[data-testid="task-description"]')).toBe('Make the date tests pass in every time zone.');

    await tabTo(page, /button\[button\] Attach$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="terminal-state"]')?.textContent?.includes('type to the agent'), wait);
    await page.waitForFunction(() => document.querySelector('[data-testid="terminal"] .xterm-rows')?.textContent?.includes('Proceed with the change? (y/n)'), wait);
    // xterm.js takes the keys in its helper text area, which Tab reaches like any field.
    await tabTo(page, /textarea\[textarea\] Terminal input/);
    await page.keyboard.type('y');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="terminal"] .xterm-rows')?.textContent?.includes('Anything else?'), wait);
    expect(await text('[data-testid="terminal"] .xterm-rows')).toContain('done');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-diff"]')?.textContent?.includes('fake-agent-output.txt'), wait);
    await page.screenshot({ path: join(shots, 'task.png'), fullPage: true });
    const buttons = await tabTo(page, /button\[button\] Merge$/);
    expect(buttons.join('\n')).toMatch(/button\[button\] Complete[\s\S]*button\[button\] Review/);
  });

  it('issue 15: in Firefox no page logged an error and no request left the daemon\'s origin', () => {
    expect(firefox.requests.length).toBeGreaterThan(5);
    expect(offOrigin(firefox.requests, origin)).toEqual([]);
    expect(firefox.errors).toEqual([]);
  });
});
