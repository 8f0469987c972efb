import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { ensureLocalToken, localTokenPath } from './local-token.js';
import { authenticateToken, listApiTokens, revokeApiToken } from './tokens.js';

const t0 = 1_700_000_000_000;
const acme = mintTenantScope('acme');

let home: string;
let store: Store;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'orchestra-local-token-'));
  store = await openSqliteStore(join(home, 'orchestra.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the local token', () => {
  it('issue 12: is an admin token named local, in <home>/daemon/tokens/<tenant> with mode 0600 in a 0700 folder', async () => {
    const token = await ensureLocalToken(store, home, acme, 'ada@example.com', t0);
    const file = localTokenPath(home, 'acme');
    expect(file).toBe(join(home, 'daemon', 'tokens', 'acme'));
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(dirname(file))).toBe(0o700);
    const caller = await authenticateToken(store, token, t0);
    expect(caller).toMatchObject({ user: 'ada@example.com', access: 'admin' });
    expect(caller?.scope.tenant).toBe('acme');
    expect((await listApiTokens(store, acme)).map((record) => record.name)).toEqual(['local']);
  });

  it('issue 12: is reused while it authenticates, and replaced (the old one revoked) once it does not', async () => {
    const first = await ensureLocalToken(store, home, acme, 'ada', t0);
    expect(await ensureLocalToken(store, home, acme, 'ada', t0 + 1)).toBe(first);
    await revokeApiToken(store, acme, 'local', t0 + 2);
    const second = await ensureLocalToken(store, home, acme, 'ada', t0 + 3);
    expect(second).not.toBe(first);
    expect(await authenticateToken(store, second, t0 + 4)).toBeDefined();
    writeFileSync(localTokenPath(home, 'acme'), 'not a token\n');
    const third = await ensureLocalToken(store, home, acme, 'ada', t0 + 5);
    expect(await authenticateToken(store, second, t0 + 6)).toBeUndefined();
    expect((await listApiTokens(store, acme)).map((record) => record.name)).toEqual(['local']);
    expect(readFileSync(localTokenPath(home, 'acme'), 'utf8').trim()).toBe(third);
  });

  it("issue 12: another tenant's file is another token; a loose tokens folder is tightened to 0700", async () => {
    const folder = join(home, 'daemon', 'tokens');
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, 0o755);
    const globex = await ensureLocalToken(store, home, mintTenantScope('globex'), 'ada', t0);
    expect(modeOf(folder)).toBe(0o700);
    // Copied into acme's file, globex's token is not acme's: acme gets its own.
    writeFileSync(localTokenPath(home, 'acme'), globex);
    const acmeToken = await ensureLocalToken(store, home, acme, 'ada', t0);
    expect(acmeToken).not.toBe(globex);
    expect((await authenticateToken(store, acmeToken, t0))?.scope.tenant).toBe('acme');
  });

  it('issue 12: a tenant name that is not one is E_USAGE before any file is touched', () => {
    expect(() => localTokenPath(home, '../escape')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});
