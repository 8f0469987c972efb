import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { assertBuilt } from '../cli/helpers/spawn-cli.js';
import type { TaskProject } from '../support/task-project.js';
import type { Browser } from './browser.js';

/*
 * What the dashboard's browser tests share (issue 15): where screenshots go, how long a wait may
 * last, bearer tokens per tenant and API calls with them, and logging the browser in with
 * `orchestra open --print`'s one-time link.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
export const shots = join(root, 'docs', 'screenshots');
export const deadline = { timeout: 30_000 };

export type Json = Record<string, unknown>;

/** The built CLI and the built dashboard (dist/web), or a clear failure saying to build. */
export function assertDashboardBuilt(): void {
  assertBuilt();
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` (it builds the dashboard) before the dashboard tests.');
}

/** A write token in `tenant`, made by `orchestra token create`. */
export async function tokenIn(p: TaskProject, tenant: string, name = `web-${tenant}`): Promise<string> {
  const made = await p.bin(['token', 'create', '--name', name, '--tenant', tenant, '--scope', 'write', '--json']);
  expect(made.code, made.stderr).toBe(0);
  return (JSON.parse(made.stdout) as { token: string }).token;
}

/** GET (no body) or POST `path` of the daemon at `url` with a bearer token; a failed call fails the test with the problem. */
export function apiOf(url: string) {
  return async function api(path: string, token: string, body?: unknown): Promise<Json> {
    const response = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as Json;
  };
}

/** A fresh one-time login link (`orchestra open --print`); its origin is the daemon's URL. */
export async function loginLink(p: TaskProject): Promise<string> {
  const printed = await p.bin(['open', '--print']);
  expect(printed.code, printed.stderr).toBe(0);
  return printed.stdout.trim();
}

/** Logs the browser in with a login link; it lands on the runs page. */
export async function logIn(browser: Browser, link: string): Promise<void> {
  await browser.page.goto(link);
  await browser.page.waitForURL(/#\/runs$/, deadline);
}
