import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { authenticateSession, createLoginCode } from '../../services/auth/index.js';
import { operations, type ApiDeps } from '../../services/api/index.js';
import { absentPorts } from '../../services/api/testing/absent-ports.js';
import { createMemoryStore } from '../../store/memory/index.js';
import { createHttpApp } from '../http/create-http-app.js';
import { mountDashboard } from './mount-dashboard.js';

const root = mkdtempSync(join(tmpdir(), 'orchestra-dashboard-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Orchestra</title>');
writeFileSync(join(root, 'index.html.gz'), 'GZ');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const host = '127.0.0.1:4777';
const store = createMemoryStore();
const deps: ApiDeps = { ...absentPorts(), store, clock: systemClock, home: '/nonexistent', env: {}, log: { info() {}, warn() {}, error() {} }, projects: { list: () => [] } };
const app = createHttpApp({
  deps,
  operations,
  authenticate: async () => undefined,
  authenticateSession: (session) => authenticateSession(store, session, systemClock.now()),
  allowedHosts: [host],
  publicMounts: [mountDashboard({ deps, root })],
});
const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://${host}${path}`, { headers: { host, ...headers } });

async function loggedIn(): Promise<string> {
  const { code } = await createLoginCode(store, mintTenantScope('default'), 'ann', 'write', systemClock.now());
  const response = await get(`/login?code=${code}`);
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/#/runs');
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^orchestra_session=ows_[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
  return cookie.split(';')[0] ?? '';
}

describe('issue 15: the daemon serving the dashboard', () => {
  it('issue 15: the shell is no-cache with a CSP, compressed when accepted; hashed assets are immutable; anything else is not served', async () => {
    const shell = await get('/', { 'accept-encoding': 'gzip' });
    expect(shell.status).toBe(200);
    const header = (name: string) => shell.headers.get(name);
    expect([header('cache-control'), header('content-encoding'), header('vary')]).toEqual(['no-cache', 'gzip', 'Accept-Encoding']);
    expect(header('content-security-policy')).toMatch(/^default-src 'self';/);
    expect(await shell.text()).toBe('GZ');
    expect(await (await get('/index.html')).text()).toContain('<title>Orchestra</title>');
    const asset = await get('/assets/index-abc.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const path of ['/assets/..%2Findex.html', '/assets/missing.js', '/assets/.env']) expect((await get(path)).status).toBe(404);
    // The API's routes are never the shell: without a token they are 401 problems.
    expect((await get('/runs')).status).toBe(401);
  });

  it('issue 15: the session cookie authenticates reads; a change needs this server\'s Origin; a bad cookie is 401', async () => {
    const cookie = await loggedIn();
    expect((await get('/runs', { cookie })).status).toBe(200);
    const post = (headers: Record<string, string>) => app.request(`http://${host}/runs/nothere/cancel`, { method: 'POST', headers: { host, cookie, 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await post({})).status).toBe(403);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: `http://${host}` })).status).toBe(404);
    const bad = await get('/runs', { cookie: 'orchestra_session=ows_nothing' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { hint: string }).hint).toContain('orchestra open');
  });

  it('issue 15: a refused login link is an HTML page saying why, with no script', async () => {
    const response = await get('/login?code=olc_<script>');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const page = await response.text();
    expect(page).toContain('This login link is not valid');
    expect(page).not.toContain('<script');
  });
});
