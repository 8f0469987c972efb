import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateToken } from '../../src/services/auth/index.js';
import { defaultDbPath } from '../../src/store/home.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

let home: string;
// A fixed identity: the default user of `token create`, as for human tasks.
const bin = (...argv: string[]) => runBin(argv, { cwd: home, home, env: { ORCHESTRA_USER: 'ada@example.com' } });

interface ListedToken {
  id: string;
  name: string;
  user: string;
  tenant: string;
  access: string;
  revokedAt?: number;
}

async function listed(...extra: string[]): Promise<ListedToken[]> {
  const result = await bin('token', 'list', '--json', ...extra);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { tokens: ListedToken[] }).tokens;
}

async function authenticates(token: string) {
  const store = await openSqliteStore(defaultDbPath(home));
  try {
    return await authenticateToken(store, token, Date.now());
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  assertBuilt();
  home = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-token-cli-')));
});

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('orchestra token', () => {
  it('issue 12: create prints the token once on stdout, says so on stderr, and the token authenticates as ORCHESTRA_USER with write access', async () => {
    const result = await bin('token', 'create', '--name', 'ci');
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^orc_[A-Za-z0-9_-]{43}$/);
    expect(result.stderr).toContain('shown only this once');
    expect(await authenticates(token)).toMatchObject({ user: 'ada@example.com', access: 'write' });
    // Only the hash is in the store's files.
    const files = readdirSync(home).filter((name) => name.startsWith('orchestra.db'));
    expect(files.map((name) => readFileSync(join(home, name)).toString('latin1')).join('')).not.toContain(token);
  });

  it('issue 12: create --json prints { token, id, name, user, tenant, access } for --user, --tenant and --scope', async () => {
    const result = await bin('token', 'create', '--name', 'reader', '--user', 'bob', '--tenant', 'acme', '--scope', 'read', '--json');
    expect(result.code).toBe(0);
    const made = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(made).sort()).toEqual(['access', 'id', 'name', 'tenant', 'token', 'user']);
    expect(made).toMatchObject({ name: 'reader', user: 'bob', tenant: 'acme', access: 'read' });
    const caller = await authenticates(made.token ?? '');
    expect(caller?.access).toBe('read');
    expect(caller?.scope.tenant).toBe('acme');
  });

  it('issue 12: list never shows a token, and each tenant lists its own', async () => {
    const text = await bin('token', 'list');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ID\s+NAME\s+USER\s+ACCESS\s+CREATED\s+LAST USED/);
    expect(text.stdout).toContain('ci');
    expect(text.stdout).not.toContain('orc_');
    expect((await listed()).map((token) => token.name)).toEqual(['ci']);
    expect((await listed('--tenant', 'acme')).map((token) => [token.name, token.user])).toEqual([['reader', 'bob']]);
    expect(JSON.stringify(await listed('--all'))).not.toMatch(/orc_|hash/i);
  });

  it('issue 12: bad input is refused naming the flag or field, and nothing is made', async () => {
    const scope = await bin('token', 'create', '--name', 'x', '--scope', 'root');
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain("'--scope <access>' argument 'root' is invalid");
    const duplicate = await bin('token', 'create', '--name', 'ci');
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('error[E_USAGE]: name: a live token of this tenant is named "ci" already');
    const name = await bin('token', 'create', '--name', 'Bad Name');
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('name: 1 to 64 lowercase letters');
    const tenant = await bin('token', 'create', '--name', 'y', '--tenant', 'Not A Tenant');
    expect(tenant.code).toBe(2);
    expect(tenant.stderr).toContain('E_USAGE');
    const missing = await bin('token', 'create');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--name');
    expect((await listed()).map((token) => token.name)).toEqual(['ci']);
  });

  it('issue 12: revoke by name ends the token; again it says so; an unknown one is E_TOKEN_NOT_FOUND (exit 3)', async () => {
    const made = JSON.parse((await bin('token', 'create', '--name', 'temp', '--json')).stdout) as { token: string; id: string };
    const revoked = await bin('token', 'revoke', 'temp');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked token temp (${made.id})`);
    expect(await authenticates(made.token)).toBeUndefined();
    const again = await bin('token', 'revoke', made.id, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ revoked: false, record: { id: made.id, revokedAt: expect.any(Number) } });
    const unknown = await bin('token', 'revoke', 'nope');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('error[E_TOKEN_NOT_FOUND]: no token "nope" in tenant "default"');
    expect((await listed()).map((token) => token.name)).toEqual(['ci']);
    expect((await listed('--all')).map((token) => token.name).sort()).toEqual(['ci', 'temp']);
  });

  it('issue 12: `orchestra --help` lists token under its heading', async () => {
    const help = await bin('--help');
    expect(help.stdout).toMatch(/Programs and agents \(HTTP API, MCP\):\n(?:.*\n)*?\s+token\s/);
  });
});
