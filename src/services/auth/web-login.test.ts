import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { createMemoryStore } from '../../store/memory/index.js';
import { authenticateSession, createLoginCode, loginCodeLifetimeMs, redeemLoginCode, webSessionLifetimeMs } from './web-login.js';

const t0 = 1_700_000_000_000;
const acme = mintTenantScope('acme');

describe('issue 15: dashboard login codes and sessions', () => {
  it('issue 15: a code becomes a session acting as its user in its tenant; the store keeps hashes only', async () => {
    const store = createMemoryStore();
    const { code, expiresAt } = await createLoginCode(store, acme, 'ann', 'write', t0);
    expect(code).toMatch(/^olc_[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe(t0 + loginCodeLifetimeMs);
    expect(await store.findWebLogin('code', createHash('sha256').update(code).digest('hex'))).toMatchObject({ tenant: 'acme', user: 'ann' });
    const { session } = await redeemLoginCode(store, code, t0 + 1);
    const caller = await authenticateSession(store, session, t0 + 2);
    expect(caller).toMatchObject({ user: 'ann', access: 'write' });
    expect(caller?.scope.tenant).toBe('acme');
    expect(await authenticateSession(store, session, t0 + 1 + webSessionLifetimeMs)).toBeUndefined();
  });

  it.each([
    ['used', async (store: ReturnType<typeof createMemoryStore>, code: string) => { await redeemLoginCode(store, code, t0 + 1); return t0 + 2; }, 'used already'],
    ['expired', async () => t0 + loginCodeLifetimeMs, 'expired'],
    ['unknown', async () => t0, 'not valid'],
  ])('issue 15: a %s code is E_UNAUTHORIZED saying so', async (what, before, message) => {
    const store = createMemoryStore();
    const { code } = await createLoginCode(store, acme, 'ann', 'write', t0);
    const at = await before(store, code);
    const asked = what === 'unknown' ? `olc_${'x'.repeat(43)}` : code;
    await expect(redeemLoginCode(store, asked, at)).rejects.toMatchObject({ code: 'E_UNAUTHORIZED', message: expect.stringContaining(message), hint: expect.stringContaining('orchestra open') });
  });

  it('issue 15: a malformed code or session, or a code used as a session, authenticates nothing', async () => {
    const store = createMemoryStore();
    const { code } = await createLoginCode(store, acme, 'ann', 'write', t0);
    await expect(redeemLoginCode(store, 'nope', t0)).rejects.toMatchObject({ code: 'E_UNAUTHORIZED' });
    expect(await authenticateSession(store, code, t0)).toBeUndefined();
    expect(await authenticateSession(store, `ows_${code.slice(4)}`, t0)).toBeUndefined();
  });
});
