import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../src/core/tenant-scope.js';
import { createLoginCode } from '../../src/services/auth/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { deadline, loginLink, shots } from './dashboard-session.js';
import { reviewPipeline } from './pipelines.js';
import { useDashboard } from './use-dashboard.js';

/*
 * The dashboard in a real browser (issue 15): Debian's Chromium against a real daemon (the built
 * CLI, a temp ORCHESTRA_HOME), logging in with `orchestra open --print`'s link and following a run
 * started over the API. Every wait is on the DOM with a deadline; screenshots go to docs/screenshots.
 */

const gate = reviewPipeline();

// The first test logs in itself: the login link is what it checks.
const session = useDashboard({ tokens: { mine: 'default', other: 'globex' }, logIn: false });
/** The page of another tenant's run: its API calls answer 404, as they must. */
let foreignRunPage = '';

describe('issue 15: the dashboard in a real browser', () => {
  it('issue 15: a login link logs in once, with an HttpOnly SameSite=Strict cookie; a used or expired link is refused with a clear page', { timeout: 90_000 }, async () => {
    const { p, url, browser } = session;
    const link = await loginLink(p);
    expect(link).toMatch(new RegExp(`^${url}/login\\?code=olc_`));
    const { page, context } = browser;
    await page.goto(link);
    await page.waitForURL(/#\/runs$/, deadline);
    await page.getByRole('heading', { name: 'Runs', exact: true }).waitFor(deadline);
    const cookie = (await context.cookies(url)).find((candidate) => candidate.name === 'orchestra_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    const again = await context.newPage();
    const used = await again.goto(link);
    expect(used?.status()).toBe(401);
    expect(await again.locator('#login-error').textContent()).toContain('used already');
    await again.screenshot({ path: join(shots, 'login-refused.png') });

    // An expired link: made as `orchestra open` makes one, ten minutes ago.
    const store = await openSqliteStore(join(p.home, 'orchestra.db'));
    const { code } = await createLoginCode(store, mintTenantScope('default'), 'ann', 'admin', Date.now() - 10 * 60_000).finally(() => store.close());
    const expired = await again.goto(`${url}/login?code=${code}`);
    expect(expired?.status()).toBe(401);
    expect(await again.locator('#login-error').textContent()).toContain('expired');
    await again.close();
  });

  it("issue 15: the runs page lists a run started over the API (never another tenant's), and the run page shows its nodes turning to succeeded live", { timeout: 120_000 }, async () => {
    const { p, url, browser, tokens, api } = session;
    const { page } = browser;
    const runId = String((await api('/runs', tokens.mine, { project: p.project, source: gate, simulate: true })).runId);
    const otherId = String((await api('/runs', tokens.other, { project: p.project, source: gate, simulate: true })).runId);
    await page.goto(`${url}/#/runs`);
    await page.locator(`tr[data-run="${runId}"]`).waitFor(deadline);
    await page.locator(`tr[data-run="${runId}"] .badge-waiting`).waitFor(deadline);
    expect(await page.content()).not.toContain(otherId);
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor(deadline);
    await page.getByRole('heading', { name: 'Guided workflows' }).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'runs.png') });
    // A filter is part of the address: reloading keeps it.
    await page.getByLabel('Show').selectOption('pipelines');
    await page.waitForURL(/#\/runs\?kind=pipelines$/, deadline);
    await page.reload();
    await page.locator(`tr[data-run="${runId}"]`).waitFor(deadline);
    expect(await page.getByRole('heading', { name: 'Workflows', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: runId }).click();
    await page.waitForURL(new RegExp(`#/runs/${runId}$`), deadline);
    const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] .state-node`);
    await node('review').and(page.locator('[data-state="waiting"]')).waitFor(deadline);
    await node('plan').and(page.locator('[data-state="succeeded"]')).waitFor(deadline);
    expect(await node('ship').getAttribute('data-state')).toBe('pending');
    await page.screenshot({ path: join(shots, 'run-waiting.png') });

    // Answered over the API: the open page follows the stream, without a reload.
    await api(`/runs/${runId}/answer`, tokens.mine, { answer: { choice: 'ship' } });
    await node('review').and(page.locator('[data-state="succeeded"]')).waitFor(deadline);
    await node('ship').and(page.locator('[data-state="succeeded"]')).waitFor(deadline);
    await page.locator('[data-testid="run-state"] .badge-completed').waitFor(deadline);
    expect(await node('fix').getAttribute('data-state')).toBe('pending');

    await node('ship').click();
    const panel = page.getByTestId('node-panel');
    await panel.waitFor(deadline);
    expect(await panel.getByTestId('node-state').textContent()).toBe('succeeded');
    expect(await panel.textContent()).toMatch(/attempt 1: success, started .*, took/);
    await page.screenshot({ path: join(shots, 'run.png') });

    // Another tenant's run is not found, even by its id.
    foreignRunPage = `${url}/#/runs/${otherId}`;
    await page.goto(foreignRunPage);
    await page.getByRole('alert').filter({ hasText: 'does not exist' }).waitFor(deadline);
  });

  it('issue 15: the theme toggle switches to dark, and the keyboard reaches the navigation and opens a section', { timeout: 60_000 }, async () => {
    const { url, browser } = session;
    const { page } = browser;
    await page.goto(`${url}/#/runs`);
    await page.locator('tr[data-run]').first().waitFor(deadline);
    const toggle = page.getByRole('button', { name: /^Theme:/ });
    await toggle.click();
    await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(shots, 'runs-dark.png') });
    await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();

    // From the top of a freshly loaded page: the skip link, then the navigation.
    await page.reload();
    await page.locator('tr[data-run]').first().waitFor(deadline);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Runs');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/inbox$/, deadline);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor(deadline);
  });

  it('issue 15: the session cookie changes state only with the page\'s Origin; no page request left this machine, and no page logged an error (CSP)', async () => {
    const { p, url, browser } = session;
    const cookie = (await browser.context.cookies(url)).find((candidate) => candidate.name === 'orchestra_session');
    const headers = { cookie: `orchestra_session=${cookie?.value ?? ''}`, 'content-type': 'application/json' };
    const body = JSON.stringify({ project: p.project, source: gate, simulate: true });
    expect((await fetch(`${url}/runs`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/runs`, { method: 'POST', headers, body })).status).toBe(403);
    expect((await fetch(`${url}/runs`, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body })).status).toBe(403);
    expect((await fetch(`${url}/runs`, { method: 'POST', headers: { ...headers, origin: url }, body })).status).toBe(200);

    const foreign = browser.requests.filter((request) => !request.startsWith(`${url}/`) && !request.startsWith('data:'));
    expect(browser.requests.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
    // No CSP violation nor script error on any page, but the 401s of the refused login links and the 404s of another tenant's run.
    const expected = (error: string) => /\/login\?code=.*status of 401/.test(error) || (error.includes('status of 404') && error.includes(`/runs/${foreignRunPage.split('/').pop() ?? ''}`));
    expect(browser.errors.filter((error) => !expected(error))).toEqual([]);
    expect(browser.errors.length).toBeGreaterThan(0);
  });
});
