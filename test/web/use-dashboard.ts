import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startDaemon } from '../support/mcp-clients.js';
import { TaskProject, type TaskProjectOptions } from '../support/task-project.js';
import { launchBrowser, type Browser } from './browser.js';
import { apiOf, assertDashboardBuilt, logIn, loginLink, tokenIn } from './dashboard-session.js';

/*
 * The set-up every dashboard browser test file shares (issue 15): a TaskProject with its files, its
 * real daemon (the built CLI), write tokens in the tenants the file needs, Chromium, and the browser
 * logged in with `orchestra open --print`'s link; all of it gone after the file's tests.
 */

export interface DashboardOptions<Name extends string = never> {
  project?: TaskProjectOptions;
  /** Written before the daemon starts: paths in the project. */
  files?: Record<string, string>;
  /** Written before the daemon starts: paths in ORCHESTRA_HOME (config.yaml). */
  homeFiles?: Record<string, string>;
  /** Write tokens to make, by the name the tests use, in the tenant given (`{ mine: 'default' }`). */
  tokens?: Record<Name, string>;
  /** Once the daemon runs, before the browser starts (tasks made with the CLI). */
  prepare?(p: TaskProject): Promise<void>;
  /** Log the browser in (it lands on the runs page); false for a test of the login itself. */
  logIn?: boolean;
}

/** What a test file's tests use; filled in by its beforeAll. */
export interface DashboardSession<Name extends string = never> {
  p: TaskProject;
  /** The daemon's HTTP base URL. */
  url: string;
  browser: Browser;
  tokens: Record<Name, string>;
  /** GET or POST a path of the daemon with a token (dashboard-session.ts apiOf). */
  api: ReturnType<typeof apiOf>;
}

/** Registers the file's beforeAll and afterAll; the session's fields are set once beforeAll has run. */
export function useDashboard<Name extends string = never>(options: DashboardOptions<Name> = {}): DashboardSession<Name> {
  const session = { tokens: {} } as DashboardSession<Name>;
  beforeAll(async () => {
    assertDashboardBuilt();
    session.p = new TaskProject(options.project);
    const { p } = session;
    writeFiles(p.project, options.files);
    writeFiles(p.home, options.homeFiles);
    session.url = await startDaemon(p);
    session.api = apiOf(session.url);
    for (const [name, tenant] of Object.entries<string>(options.tokens ?? {})) session.tokens[name as Name] = await tokenIn(p, tenant, `web-${name}`);
    await options.prepare?.(p);
    session.browser = await launchBrowser();
    if (options.logIn !== false) await logIn(session.browser, await loginLink(p));
  }, 120_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.p?.cleanup();
  });
  return session;
}

function writeFiles(root: string, files: Record<string, string> = {}): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
