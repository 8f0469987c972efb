import type { TestContext } from 'vitest';
import { startDaemon } from '../support/mcp-clients.js';
import type { TaskProject } from '../support/task-project.js';
import { launchBrowser, type Browser } from './browser.js';
import { apiOf, assertDashboardBuilt, loginLink, logIn, tokenIn, type Json } from './dashboard-session.js';

/*
 * A project's daemon with its dashboard open in Chromium, logged in (issue 15's page tests): the
 * daemon started by the built CLI with the project's environment, a write token of the default
 * tenant for API calls made beside the page, and the browser logged in with a one-time link.
 */

export interface LoggedInDashboard {
  url: string;
  browser: Browser;
  /** GET (no body) or POST a path of the daemon's API as the default tenant. */
  api(path: string, body?: unknown): Promise<Json>;
}

export async function loggedInDashboard(p: TaskProject): Promise<LoggedInDashboard> {
  assertDashboardBuilt();
  const url = await startDaemon(p);
  const token = await tokenIn(p, 'default');
  const call = apiOf(url);
  const browser = await launchBrowser();
  await logIn(browser, await loginLink(p));
  return { url, browser, api: (path, body) => call(path, token, body) };
}

/** After a failed test: the page's picture in /tmp and its text in the log, to see what the browser showed. */
export async function showFailure(browser: Browser | undefined, context: TestContext, stem: string): Promise<void> {
  if (browser === undefined || context.task.result?.state !== 'fail') return;
  const path = `/tmp/${stem}-fail-${context.task.name.slice(10, 30).replace(/\W+/g, '-')}.png`;
  await browser.page.screenshot({ path });
  console.log(`${path}\n${await browser.page.locator('main').innerText()}`);
}
