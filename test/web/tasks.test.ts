import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../support/task-assertions.js';
import { deadline, shots } from './dashboard-session.js';
import { useDashboard } from './use-dashboard.js';

/*
 * The tasks board and a task's page in a real browser (issue 15): Debian's Chromium against a real
 * daemon (the built CLI) whose tasks run the scripted fake agent in real PTYs. The board shows them
 * by status, live; the page attaches a terminal over the WebSocket, types to the agent and sees it
 * answer, then completes, reviews and merges the task, a refusal first. Every wait is on the DOM.
 */

const session = useDashboard({
  async prepare(p) {
    ok(await p.bin(['new', 'fix-date-tests', '-m', 'Make the date tests pass in every time zone.', '--agent', 'fake']));
    ok(await p.bin(['new', 'write-changelog', '-m', 'Write the changelog of the release.', '--agent', 'fake']));
    ok(await p.bin(['start', 'fix-date-tests']));
    await p.waitForTask('fix-date-tests', (task) => task.needsInput);
  },
});

const column = (status: string) => session.browser.page.locator(`[data-testid="task-column"][data-status="${status}"]`);
const card = (status: string, slug: string) => column(status).locator('[data-testid="task-card"]', { hasText: slug });

describe('issue 15: the tasks board and task page in a real browser', () => {
  it('issue 15: the board shows each task in the column of its status with counts, follows a new task live and filters by project', { timeout: 90_000 }, async () => {
    const { p, url, browser } = session;
    const { page } = browser;
    await page.goto(`${url}/#/tasks`);
    await card('idle', 'fix-date-tests').waitFor(deadline);
    await card('draft', 'write-changelog').waitFor(deadline);
    expect(await page.locator('[data-testid="task-column"]').evaluateAll((columns) => columns.map((each) => each.getAttribute('data-status')))).toEqual(['draft', 'running', 'idle', 'completed', 'reviewed', 'stopped', 'merged']);
    expect(await column('draft').locator('h2').textContent()).toBe('Draft 1');
    expect(await card('idle', 'fix-date-tests').textContent()).toContain('needs input');
    // A task made elsewhere appears without a reload.
    ok(await p.bin(['new', 'update-deps', '-m', 'Update the dependencies.', '--agent', 'fake']));
    await card('draft', 'update-deps').waitFor(deadline);
    await column('draft').locator('h2', { hasText: 'Draft 2' }).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'tasks.png') });
    // The project filter is part of the address.
    await page.getByLabel('Project').selectOption({ index: 1 });
    await page.waitForURL(/#\/tasks\?project=/, deadline);
    await page.reload();
    await card('draft', 'update-deps').waitFor(deadline);
    await page.getByLabel('Project').selectOption('');
    await page.waitForURL(/#\/tasks$/, deadline);
  });

  it('issue 15: a task page attaches a terminal to the agent; typing reaches it and its answer and diff show; detaching leaves it running', { timeout: 90_000 }, async () => {
    const { p, url, browser } = session;
    const { page } = browser;
    await page.goto(`${url}/#/tasks`);
    await card('idle', 'fix-date-tests').click();
    await page.getByRole('heading', { name: /fix-date-tests/ }).waitFor(deadline);
    expect(await page.getByTestId('task-description').textContent()).toBe('Make the date tests pass in every time zone.');
    expect(await page.locator('.task-facts').textContent()).toContain('orchestra/1-fix-date-tests');
    await page.getByRole('button', { name: 'Attach' }).click();
    const terminal = page.getByTestId('terminal');
    await page.getByTestId('terminal-state').filter({ hasText: 'type to the agent' }).waitFor(deadline);
    await terminal.locator('.xterm-rows', { hasText: 'Proceed with the change? (y/n)' }).waitFor(deadline);
    await terminal.click();
    await page.keyboard.type('y');
    await page.keyboard.press('Enter');
    await terminal.locator('.xterm-rows', { hasText: 'Anything else?' }).waitFor(deadline);
    expect(await terminal.locator('.xterm-rows').textContent()).toContain('done');
    await page.getByTestId('task-diff').filter({ hasText: 'fake-agent-output.txt' }).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'task.png'), fullPage: true });
    // Ctrl-] detaches from the keyboard, as `orchestra attach` does.
    await terminal.click();
    await page.keyboard.press('Control+BracketRight');
    await page.getByRole('button', { name: 'Attach' }).waitFor(deadline);
    expect((await p.task('fix-date-tests')).pid).toBeGreaterThan(0);
  });

  it('issue 15: merging shows the server\'s refusal for a task never started, then merges a finished task into its base branch', { timeout: 90_000 }, async () => {
    const { p, url, browser } = session;
    const { page } = browser;
    await page.goto(`${url}/#/tasks/${encodeURIComponent(p.project)}/2`);
    await page.getByRole('heading', { name: /write-changelog/ }).waitFor(deadline);
    await page.getByRole('button', { name: 'Merge' }).click();
    const refusal = page.getByTestId('task-refusal');
    await refusal.filter({ hasText: 'was never started' }).waitFor(deadline);
    expect(await refusal.textContent()).toContain('orchestra start 2');

    await page.goto(`${url}/#/tasks/${encodeURIComponent(p.project)}/1`);
    await page.getByRole('heading', { name: /fix-date-tests/ }).waitFor(deadline);
    await page.getByRole('button', { name: 'Review' }).click();
    await refusal.waitFor(deadline);
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByTestId('task-status').filter({ hasText: 'completed' }).waitFor(deadline);
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByTestId('task-status').filter({ hasText: 'reviewed' }).waitFor(deadline);
    await page.getByRole('button', { name: 'Merge' }).click();
    await page.getByTestId('task-outcome').filter({ hasText: 'Merged into main' }).waitFor(deadline);
    await page.getByTestId('task-status').filter({ hasText: 'merged' }).waitFor(deadline);
    const files = execFileSync('git', ['ls-files'], { cwd: p.project, encoding: 'utf8' });
    expect(files).toContain('fake-agent-output.txt');
    await page.goto(`${url}/#/tasks`);
    await card('merged', 'fix-date-tests').waitFor(deadline);
  });

  it('issue 15: no page request left this machine, and no page logged an error but the refused actions', () => {
    const { browser } = session;
    expect(browser.requests.filter((request) => !/^(https?|wss?):\/\/127\.0\.0\.1:\d+\//.test(request) && !request.startsWith('data:'))).toEqual([]);
    const refused = (error: string) => /status of 409/.test(error);
    expect(browser.errors.filter((error) => !refused(error))).toEqual([]);
  });
});
