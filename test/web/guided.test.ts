import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';
import { guidedProject, workflowName } from '../support/guided-mcp.js';
import type { TaskProject } from '../support/task-project.js';
import type { Browser } from './browser.js';
import { deadline, shots } from './dashboard-session.js';
import { loggedInDashboard, showFailure, type LoggedInDashboard } from './logged-in-dashboard.js';

/*
 * The guided workflow page in a real browser (issue 15): the shipped REFACTOR_WITH_TESTS workflow,
 * started and advanced over the HTTP API of a real daemon whose orchestrator asks the fake model
 * server (seed 004's AI_SERVICE_ENDPOINT in the daemon's environment). The page shows the status,
 * the current step, the steps reported and each decision with who made it and why, and follows
 * the instance's events when it is advanced again.
 */

let model: FakeModelServer;
let p: TaskProject;
let url: string;
let browser: Browser;
let api: LoggedInDashboard['api'];

/** The model's answer to one decision, as the orchestrator asks for it. */
const decides = (next: string, reason: string) => ({ text: JSON.stringify({ next_step: next, context_updates: {}, reason }) });

beforeAll(async () => {
  model = await startFakeModelServer();
  p = guidedProject({ AI_SERVICE_ENDPOINT: model.openaiBaseUrl, AI_SERVICE_API_KEY: 'test-key', AI_SERVICE_MODEL: 'gpt-fake', AI_REQUEST_TIMEOUT_MS: '20000' });
  ({ url, browser, api } = await loggedInDashboard(p));
}, 120_000);

afterEach((context) => showFailure(browser, context, 'guided'));

afterAll(async () => {
  await browser?.close();
  await p?.cleanup();
  await model?.close();
});

describe('issue 15: the guided workflow page in a real browser', () => {
  it('issue 15: a guided instance advanced once shows its status, current step, the reported step and each decision with who made it and why; advanced again over the API, the page follows', { timeout: 120_000 }, async () => {
    const { page } = browser;
    const started = await api('/guided', { project: p.project, workflow_name: workflowName, context: { target: 'src/invoice.ts', goal: 'split parsing from validation' } });
    const id = String(started.instance_id);
    model.script([decides('ENSURE_TESTS', 'the target and its tests are known')]);
    const first = await api(`/guided/${id}/advance`, {
      report: { step_id: 'UNDERSTAND_TARGET', status: 'success', result: 'found src/invoice.ts and its tests' },
      context_updates: { test_command: 'npm test -- invoice', test_files: ['test/invoice.test.ts'], tests_passing: true },
    });
    expect(first).toMatchObject({ status: 'running', next_step: { name: 'ENSURE_TESTS' } });

    await page.goto(`${url}/#/guided/${id}`);
    await page.getByRole('heading', { name: new RegExp(`${workflowName} ${id}`) }).waitFor(deadline);
    await page.locator('[data-testid="instance-state"] .badge-running').waitFor(deadline);
    const currentStep = page.locator('dt', { hasText: 'Current step' }).locator('xpath=following-sibling::dd[1]');
    expect(await currentStep.innerText()).toBe('ENSURE_TESTS');
    expect(await page.locator('dt', { hasText: 'Context' }).locator('xpath=following-sibling::dd[1]').innerText()).toContain('"target":"src/invoice.ts"');

    const steps = page.getByTestId('guided-steps').locator('tbody tr');
    expect(await steps.count()).toBe(1);
    const reported = await steps.first().locator('td').allInnerTexts();
    expect(reported[1]).toBe('UNDERSTAND_TARGET');
    expect(reported[2]).toBe('success: found src/invoice.ts and its tests');

    const decisions = page.getByTestId('guided-decisions').locator(':scope > li');
    expect(await decisions.count()).toBe(2);
    expect(await decisions.nth(0).innerText()).toMatch(/^start by rules: /);
    expect(await decisions.nth(1).innerText()).toMatch(/^advance by model: the target and its tests are known /);
    expect(await decisions.nth(1).innerText()).toContain('"next_step":"ENSURE_TESTS"');
    await page.screenshot({ path: join(shots, 'guided.png') });

    // The model names a step the workflow does not have: the rules decide, and the page says so.
    model.script([decides('DEPLOY', 'ship it')]);
    const second = await api(`/guided/${id}/advance`, { report: { step_id: 'ENSURE_TESTS', status: 'success', result: 'tests pass' }, context_updates: { tests_passing: true } });
    expect(second).toMatchObject({ next_step: { name: 'REFACTOR_STEP' } });
    await expect.poll(() => currentStep.innerText(), deadline).toBe('REFACTOR_STEP');
    await expect.poll(() => steps.count(), deadline).toBe(2);
    expect((await steps.nth(1).locator('td').allInnerTexts()).slice(1, 3)).toEqual(['ENSURE_TESTS', 'success: tests pass']);
    await expect.poll(() => decisions.count(), deadline).toBe(3);
    expect(await decisions.nth(2).innerText()).toMatch(/^advance by rules \(fallback: the model named step "DEPLOY", which workflow REFACTOR_WITH_TESTS does not have\): /);
  });

  it('issue 15: the page logged no error', () => {
    expect(browser.errors).toEqual([]);
  });
});
