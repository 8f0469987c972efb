import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDaemon } from '../support/mcp-clients.js';
import type { TaskProject } from '../support/task-project.js';
import { assertDashboardBuilt, loginLink } from './dashboard-session.js';

/*
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (the W3C protocol Firefox speaks
 * itself) for the dashboard's Firefox tests (issue 15). Playwright's Firefox needs its own patched
 * build, which cannot be installed here, and playwright-core's BiDi mode sends commands ESR does not
 * know yet (emulation.setMediaFeaturesOverride). Puppeteer makes a fresh profile per launch, with
 * prefs that keep Firefox's own traffic (updates, telemetry, safe browsing) off, and deletes it on
 * close. A missing Firefox fails the test (with how to install it): it never skips.
 */

export const firefoxPath = process.env.ORCHESTRA_FIREFOX ?? '/usr/bin/firefox-esr';

/** Where the Firefox tests save their screenshots: a temp dir, to compare by eye with Chromium's in docs/. */
export const shots = process.env.ORCHESTRA_FIREFOX_SHOTS ?? join(tmpdir(), 'orchestra-firefox-shots');

/** Beyond puppeteer's defaults: the two services that probe the network when Firefox starts. */
const quiet = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export interface Firefox {
  browser: Browser;
  page: Page;
  /** Firefox's version, e.g. `140.5.0`. */
  version: string;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
  close(): Promise<void>;
}

/** Firefox ESR is installed, or a failure saying how to install it (the tests fail, never skip). */
export function assertFirefox(): void {
  if (!existsSync(firefoxPath)) throw new Error(`${firefoxPath} is missing: the dashboard's Firefox tests need Firefox ESR (\`apt-get install -y firefox-esr\`; .ci/run installs it)`);
}

export async function launchFirefox(): Promise<Firefox> {
  assertFirefox();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: quiet,
    defaultViewport: { width: 1280, height: 800 },
    timeout: 60_000,
  });
  // Headless Firefox never gives its first tab the focus: there Enter and Space reach a button or a
  // check box as key events but do not press it. A tab opened over BiDi is the focused one.
  const first = await browser.pages();
  const page = await browser.newPage();
  await Promise.all(first.map((each) => each.close()));
  if (!(await page.evaluate(() => document.hasFocus()))) throw new Error('Firefox did not give its tab the focus: the keyboard checks would not press anything');
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => void requests.push(request.url()));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(`${page.url()}: ${message.text()}`)));
  page.on('pageerror', (error) => void errors.push(`${page.url()}: ${error instanceof Error ? error.message : String(error)}`));
  const version = (await browser.version()).replace(/^\D+\//, '');
  mkdirSync(shots, { recursive: true });
  return { browser, page, version, requests, errors, close: () => browser.close() };
}

/**
 * A daemon for `p` (the built CLI) and Firefox logged in to it with `orchestra open --print`'s
 * link, on the runs page; `prepare` runs in between, with the daemon's origin.
 */
export async function dashboardInFirefox(p: TaskProject, prepare?: (origin: string) => Promise<void>): Promise<{ firefox: Firefox; origin: string }> {
  assertDashboardBuilt();
  assertFirefox();
  await startDaemon(p);
  const link = await loginLink(p);
  const origin = new URL(link).origin;
  await prepare?.(origin);
  const firefox = await launchFirefox();
  await firefox.page.goto(link);
  await firefox.page.waitForFunction(() => location.hash === '#/runs', { timeout: 30_000 });
  return { firefox, origin };
}

/** After a failed test: its page's picture (in `shots`) and text, to see what Firefox showed. */
export async function showFailure(firefox: Firefox | undefined, test: { id: string; result?: { state: string } }): Promise<void> {
  if (test.result?.state !== 'fail' || firefox === undefined) return;
  await firefox.page.screenshot({ path: join(shots, `failed-${test.id}.png`) });
  console.log(await firefox.page.evaluate(() => document.querySelector('main')?.innerText));
}

/** What the focused element is, in words a test can match: its tag, role or type, and its name. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement as HTMLElement | null;
    // Into shadow roots (the editor's CodeMirror lives in one): the element that has the keys.
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement as HTMLElement;
    if (element === null || element === document.body) return 'body';
    const labelled = element.getAttribute('aria-labelledby');
    // A label wrapping its control: its own words, not the options of the select inside it.
    const label = (element as HTMLInputElement).labels?.[0]?.cloneNode(true) as HTMLElement | undefined;
    label?.querySelectorAll('select, input, textarea').forEach((control) => control.remove());
    const name =
      element.getAttribute('aria-label') ??
      (labelled === null ? null : document.getElementById(labelled)?.textContent) ??
      label?.textContent ??
      element.textContent;
    const kind = element.getAttribute('role') ?? element.getAttribute('type') ?? element.tagName.toLowerCase();
    return `${element.tagName.toLowerCase()}[${kind}] ${(name ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}`;
  });
}

/**
 * Presses Tab from the top of the page until the focus is on a control matching `target` and
 * returns every stop on the way; fails naming them when the keyboard never gets there. A stop put
 * after the page's last control ends the walk: tabbing past the page into Firefox's own toolbar
 * takes the focus from the page for good (Enter and Space would press nothing after).
 */
export async function tabTo(page: Page, target: RegExp, most = 80): Promise<string[]> {
  await page.evaluate(() => {
    const end = document.createElement('span');
    end.tabIndex = 0;
    end.setAttribute('aria-label', 'end of the page');
    end.dataset['tabEnd'] = '';
    document.body.append(end);
    // Focusing the body moves where Tab starts from to the top of the page.
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
    window.scrollTo(0, 0);
  });
  const stops: string[] = [];
  try {
    for (let step = 0; step < most; step += 1) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      if (target.test(stop)) return [...stops, stop];
      if (stop.endsWith('end of the page')) break;
      stops.push(stop);
    }
  } finally {
    await page.evaluate(() => document.querySelector('[data-tab-end]')?.remove());
  }
  throw new Error(`Tab never reached ${target}; it went to:\n${stops.join('\n')}`);
}

/** The requests that left the daemon's origin (a data: URL stays in the page). */
export function offOrigin(requests: readonly string[], origin: string): string[] {
  return requests.filter((request) => !request.startsWith(`${origin}/`) && !request.startsWith('data:') && request !== 'about:blank');
}
