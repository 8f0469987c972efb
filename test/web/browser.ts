import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/*
 * Debian's Chromium driven by playwright-core for the dashboard's real-browser tests (issue 15):
 * headless, with a fresh profile, and with everything that would call Google off. A missing
 * Chromium fails the test (with how to install it): it never skips silently.
 */

export const chromiumPath = process.env.ORCHESTRA_CHROMIUM ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL a page of this browser asked for, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions of its pages (a CSP violation is one). */
  errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: the dashboard tests need Chromium (\`apt-get install -y chromium\`; .ci/run installs it)`);
  const profile = mkdtempSync(join(tmpdir(), 'orchestra-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const errors: string[] = [];
  const watch = (page: Page) => {
    // The resource a failed load was for is named too: a fetch of the page before a hash change can
    // fail after it, while page.url() is already the next page's.
    page.on('console', (message) => message.type() === 'error' && errors.push(`${page.url()}: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`));
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  if (context.pages().length === 1) watch(page);
  return {
    context,
    page,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
