import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../src/core/tenant-scope.js';
import type { Access } from '../../src/services/api/index.js';
import { authenticateToken, createApiToken } from '../../src/services/auth/index.js';
import { sampleOperations } from '../../src/server/mcp/testing/sample-operations.js';
import { defaultDbPath } from '../../src/store/home.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/store.js';
import { serveMcpApp, type TestMcpApp } from '../../src/server/mcp/testing/serve-mcp-app.js';
import { assertBuilt, binPath, runBin } from './helpers/spawn-cli.js';

const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(() => assertBuilt());

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/**
 * A home whose "daemon" is a test HTTP server authenticating the home store's real tokens: http.json
 * names it (with a live pid: ours); tokens/<tenant> holds a token of `access` made for user-<access>.
 */
async function homeWithServer(tokens: Record<string, Access>): Promise<{ home: string; app: TestMcpApp; store: Store }> {
  const home = mkdtempSync(join(tmpdir(), 'orchestra-mcp-stdio-'));
  cleanup.push(() => rmSync(home, { recursive: true, force: true }));
  mkdirSync(join(home, 'daemon', 'tokens'), { recursive: true, mode: 0o700 });
  const store = await openSqliteStore(defaultDbPath(home));
  cleanup.push(() => store.close());
  const app = await serveApp(home, store);
  for (const [tenant, access] of Object.entries(tokens)) {
    const { token } = await createApiToken(store, mintTenantScope(tenant), { name: 'local', user: `user-${access}`, access }, Date.now());
    writeFileSync(join(home, 'daemon', 'tokens', tenant), `${token}\n`, { mode: 0o600 });
  }
  return { home, app, store };
}

async function serveApp(home: string, store: Store): Promise<TestMcpApp> {
  const app = await serveMcpApp({ operations: sampleOperations, tokens: {}, home, authenticate: (token) => authenticateToken(store, token, Date.now()) });
  writeFileSync(join(home, 'daemon', 'http.json'), JSON.stringify({ url: app.url, pid: process.pid }), { flag: 'w' });
  return app;
}

async function connectStdio(home: string, args: string[] = []): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, 'mcp', ...args],
    env: { ...(process.env as Record<string, string>), ORCHESTRA_HOME: home, ORCHESTRA_USER: 'ann', NO_COLOR: '1' },
    stderr: 'pipe',
  });
  await client.connect(transport);
  cleanup.push(() => client.close());
  return client;
}

describe('orchestra mcp (stdio)', () => {
  it('issue 12: the official client over stdio lists the tools and calls one through the daemon', async () => {
    const { home, app } = await homeWithServer({ default: 'write' });
    cleanup.push(() => app.close());
    const client = await connectStdio(home);
    expect(client.getServerVersion()?.name).toBe('orchestra');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['complete_task', 'echo', 'get_run', 'list_things', 'remove_thing']);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
    expect(result.structuredContent).toEqual({ text: 'hi', by: 'user-write' });
    const failed = await client.callTool({ name: 'complete_task', arguments: { ref: 'gone' } });
    expect(failed.isError).toBe(true);
    expect((failed.content as [{ text: string }])[0].text).toMatch(/^E_TASK_NOT_FOUND: no task "gone"/);
  });

  it("issue 12: --tenant picks that tenant's token: a read-only one sees only read-only tools", async () => {
    const { home, app } = await homeWithServer({ default: 'write', acme: 'read' });
    cleanup.push(() => app.close());
    const client = await connectStdio(home, ['--tenant', 'acme']);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['echo', 'get_run', 'list_things']);
  });

  it('issue 12: after a daemon restart on another port, the next call reaches the new one', async () => {
    const { home, app, store } = await homeWithServer({ default: 'write' });
    const client = await connectStdio(home);
    expect((await client.callTool({ name: 'echo', arguments: { text: 'a' } })).structuredContent).toMatchObject({ text: 'a' });
    await app.close();
    const restarted = await serveApp(home, store);
    cleanup.push(() => restarted.close());
    expect((await client.callTool({ name: 'echo', arguments: { text: 'b' } })).structuredContent).toMatchObject({ text: 'b' });
  });

  it('issue 12: for a tenant without a local token, orchestra mcp makes one (admin, the local user, a 0600 file) and relays with it', async () => {
    const { home, app, store } = await homeWithServer({});
    cleanup.push(() => app.close());
    const client = await connectStdio(home, ['--tenant', 'fresh']);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['complete_task', 'echo', 'get_run', 'list_things', 'remove_thing']);
    expect((await client.callTool({ name: 'echo', arguments: { text: 'hi' } })).structuredContent).toEqual({ text: 'hi', by: 'ann' });
    const file = join(home, 'daemon', 'tokens', 'fresh');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await authenticateToken(store, readFileSync(file, 'utf8').trim(), Date.now())).toMatchObject({ user: 'ann', access: 'admin', scope: { tenant: 'fresh' } });
  });

  it('issue 12: a tenant name that is not one is refused before any file is read', async () => {
    const { home, app } = await homeWithServer({});
    cleanup.push(() => app.close());
    const { code, stderr } = await runBin(['mcp', '--tenant', '../x'], { cwd: home, home });
    expect(stderr).toContain('E_USAGE');
    expect(code).toBe(2);
  });
});
