import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleOperations } from '../../src/server/mcp/testing/sample-operations.js';
import { serveMcpApp, type TestMcpApp } from '../../src/server/mcp/testing/serve-mcp-app.js';
import { assertBuilt, binPath, runBin } from './helpers/spawn-cli.js';

const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(() => assertBuilt());

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A home whose "daemon" is a test HTTP server: http.json names it (with a live pid: ours), tokens/ holds the tenants' tokens. */
async function homeWithServer(tokens: Record<string, string>): Promise<{ home: string; app: TestMcpApp }> {
  const home = mkdtempSync(join(tmpdir(), 'orchestra-mcp-stdio-'));
  cleanup.push(() => rmSync(home, { recursive: true, force: true }));
  mkdirSync(join(home, 'daemon', 'tokens'), { recursive: true, mode: 0o700 });
  const app = await serveApp(home);
  for (const [tenant, token] of Object.entries(tokens)) writeFileSync(join(home, 'daemon', 'tokens', tenant), `${token}\n`, { mode: 0o600 });
  return { home, app };
}

async function serveApp(home: string): Promise<TestMcpApp> {
  const app = await serveMcpApp({ operations: sampleOperations, tokens: { 'read-token': 'read', 'write-token': 'write' }, home });
  writeFileSync(join(home, 'daemon', 'http.json'), JSON.stringify({ url: app.url, pid: process.pid }), { flag: 'w' });
  return app;
}

async function connectStdio(home: string, args: string[] = []): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, 'mcp', ...args],
    env: { ...(process.env as Record<string, string>), ORCHESTRA_HOME: home, NO_COLOR: '1' },
    stderr: 'pipe',
  });
  await client.connect(transport);
  cleanup.push(() => client.close());
  return client;
}

describe('orchestra mcp (stdio)', () => {
  it('issue 12: the official client over stdio lists the tools and calls one through the daemon', async () => {
    const { home, app } = await homeWithServer({ default: 'write-token' });
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
    const { home, app } = await homeWithServer({ default: 'write-token', acme: 'read-token' });
    cleanup.push(() => app.close());
    const client = await connectStdio(home, ['--tenant', 'acme']);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['echo', 'get_run', 'list_things']);
  });

  it('issue 12: after a daemon restart on another port, the next call reaches the new one', async () => {
    const { home, app } = await homeWithServer({ default: 'write-token' });
    const client = await connectStdio(home);
    expect((await client.callTool({ name: 'echo', arguments: { text: 'a' } })).structuredContent).toMatchObject({ text: 'a' });
    await app.close();
    const restarted = await serveApp(home);
    cleanup.push(() => restarted.close());
    expect((await client.callTool({ name: 'echo', arguments: { text: 'b' } })).structuredContent).toMatchObject({ text: 'b' });
  });

  it('issue 12: without a token for the tenant, orchestra mcp fails with E_DAEMON naming the file', async () => {
    const { home, app } = await homeWithServer({});
    cleanup.push(() => app.close());
    const { code, stderr, stdout } = await runBin(['mcp', '--tenant', 'nobody'], { cwd: home, home });
    expect(stdout).toBe('');
    expect(stderr).toContain('E_DAEMON');
    expect(stderr).toContain(join('daemon', 'tokens', 'nobody'));
    expect(code).toBe(70);
  });

  it('issue 12: a tenant name that is not one is refused before any file is read', async () => {
    const { home, app } = await homeWithServer({});
    cleanup.push(() => app.close());
    const { code, stderr } = await runBin(['mcp', '--tenant', '../x'], { cwd: home, home });
    expect(stderr).toContain('E_USAGE');
    expect(code).toBe(2);
  });
});
