import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { allows, type Access } from '../api/operation.js';
import { hashToken } from './token-secret.js';
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken, tokenTouchIntervalMs } from './tokens.js';

const t0 = 1_700_000_000_000;
const acme = mintTenantScope('acme');
const globex = mintTenantScope('globex');

let dir: string;
let dbPath: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-tokens-'));
  dbPath = join(dir, 'orchestra.db');
  store = await openSqliteStore(dbPath);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const make = (name: string, access: Access = 'write', scope = acme, at = t0) => createApiToken(store, scope, { name, user: 'ada@example.com', access }, at);

describe('API tokens', () => {
  it('issue 12: a new token is orc_ and 43 base64url characters, and authenticates as its user in its tenant', async () => {
    const { token, record } = await make('ci');
    expect(token).toMatch(/^orc_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({ tenant: 'acme', name: 'ci', user: 'ada@example.com', access: 'write', createdAt: t0 });
    expect(record).not.toHaveProperty('tokenHash');
    const caller = await authenticateToken(store, token, t0 + 1);
    expect(caller).toMatchObject({ user: 'ada@example.com', access: 'write' });
    expect(caller?.scope.tenant).toBe('acme');
  });

  it("issue 12: a read token authenticates with read access only, which does not allow writing", async () => {
    const { token } = await make('reader', 'read');
    const caller = await authenticateToken(store, token, t0);
    expect(caller?.access).toBe('read');
    expect(allows(caller?.access ?? 'admin', 'write')).toBe(false);
    expect(allows(caller?.access ?? 'admin', 'read')).toBe(true);
  });

  it('issue 12: a revoked token stops authenticating, by id or by name, and revoking again changes nothing', async () => {
    const first = await make('one');
    const second = await make('two');
    expect((await revokeApiToken(store, acme, 'one', t0 + 5)).revoked).toBe(true);
    expect((await revokeApiToken(store, acme, second.record.id, t0 + 6)).record.revokedAt).toBe(t0 + 6);
    expect(await authenticateToken(store, first.token, t0 + 10)).toBeUndefined();
    expect(await authenticateToken(store, second.token, t0 + 10)).toBeUndefined();
    expect(await revokeApiToken(store, acme, 'one', t0 + 20)).toMatchObject({ revoked: false, record: { revokedAt: t0 + 5 } });
    expect(await listApiTokens(store, acme)).toEqual([]);
    expect((await listApiTokens(store, acme, { includeRevoked: true })).map((token) => token.name).sort()).toEqual(['one', 'two']);
  });

  it.each([
    ['an empty string', ''],
    ['no prefix', 'x'.repeat(47)],
    ['too short', 'orc_abc'],
    ['a Bearer header', 'Bearer orc_'.padEnd(54, 'a')],
    ['a character outside base64url', `orc_${'a'.repeat(42)}=`],
  ])('issue 12: a malformed token (%s) authenticates nothing', async (_what, token) => {
    await make('ci');
    expect(await authenticateToken(store, token, t0)).toBeUndefined();
  });

  it('issue 12: a well-formed token that was never made authenticates nothing', async () => {
    const { token } = await make('ci');
    const other = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await authenticateToken(store, other, t0)).toBeUndefined();
  });

  it('issue 12: the store holds the SHA-256 of a token, never the token itself', async () => {
    const { token } = await make('ci');
    await store.close();
    const bytes = readdirSync(dir).map((file) => readFileSync(join(dir, file)).toString('latin1')).join('');
    expect(bytes).not.toContain(token);
    expect(bytes).not.toContain(token.slice(4));
    expect(bytes).toContain(hashToken(token));
    store = await openSqliteStore(dbPath);
    expect(await authenticateToken(store, token, t0)).toBeDefined();
  });

  it('issue 12: lastUsedAt is written at most once a minute per token', async () => {
    const { token } = await make('ci');
    const lastUsed = async () => (await listApiTokens(store, acme))[0]?.lastUsedAt;
    await authenticateToken(store, token, t0 + 1_000);
    expect(await lastUsed()).toBe(t0 + 1_000);
    await authenticateToken(store, token, t0 + 1_000 + tokenTouchIntervalMs - 1);
    expect(await lastUsed()).toBe(t0 + 1_000);
    await authenticateToken(store, token, t0 + 1_000 + tokenTouchIntervalMs);
    expect(await lastUsed()).toBe(t0 + 1_000 + tokenTouchIntervalMs);
  });

  it.each([
    ['name', { name: 'Bad Name', user: 'u', access: 'read' }],
    ['name', { name: '', user: 'u', access: 'read' }],
    ['name', { name: 'a'.repeat(65), user: 'u', access: 'read' }],
    ['user', { name: 'ok', user: '  ', access: 'read' }],
    ['access', { name: 'ok', user: 'u', access: 'root' }],
  ])('issue 12: bad input is E_USAGE naming the field (%s)', async (field, input) => {
    await expect(createApiToken(store, acme, input as never, t0)).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining(`${field}:`) });
    expect(await listApiTokens(store, acme, { includeRevoked: true })).toEqual([]);
  });

  it("issue 12: a duplicate live name is E_USAGE naming `name`; another tenant may use it, and cannot see or revoke acme's", async () => {
    await make('ci');
    await expect(make('ci', 'read')).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('name:') });
    await make('ci', 'read', globex);
    expect((await listApiTokens(store, globex)).map((token) => token.tenant)).toEqual(['globex']);
    await expect(revokeApiToken(store, globex, (await listApiTokens(store, acme))[0]?.id ?? '', t0)).rejects.toMatchObject({ code: 'E_TOKEN_NOT_FOUND' });
  });

  it('issue 12: revoking an unknown token is E_TOKEN_NOT_FOUND naming what was given', async () => {
    await expect(revokeApiToken(store, acme, 'nope', t0)).rejects.toMatchObject({ code: 'E_TOKEN_NOT_FOUND', message: 'no token "nope" in tenant "acme"' });
    await expect(revokeApiToken(store, acme, '', t0)).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
