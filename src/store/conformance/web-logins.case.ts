import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewWebLogin } from '../web-login-types.js';
import type { StoreFixture } from './fixtures.case.js';
import { t0 } from './fixtures.case.js';
import { tenantA, tenantB } from './human-task-fixtures.case.js';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

function newLogin(id: string, overrides: Partial<NewWebLogin> = {}): NewWebLogin {
  return { id, kind: 'code', user: 'ada', access: 'write', secretHash: hashOf(`secret-${id}`), createdAt: t0, expiresAt: t0 + 300_000, ...overrides };
}

export function describeWebLoginConformance(fixture: StoreFixture): void {
  describe('web logins', () => {
    it('issue 15: stores a login without its hash, found by kind and hash across tenants', async () => {
      const store = fixture.store();
      const code = await store.createWebLogin(tenantA, newLogin('c1'));
      expect(code).toEqual({ id: 'c1', tenant: 'acme', kind: 'code', user: 'ada', access: 'write', createdAt: t0, expiresAt: t0 + 300_000 });
      expect(await store.findWebLogin('code', hashOf('secret-c1'))).toEqual(code);
      expect(await store.findWebLogin('session', hashOf('secret-c1'))).toBeUndefined();
      const session = await store.createWebLogin(tenantB, newLogin('s1', { kind: 'session' }));
      expect((await store.findWebLogin('session', hashOf('secret-s1')))?.tenant).toBe(session.tenant);
      await expect(store.createWebLogin(tenantA, newLogin('c1'))).rejects.toMatchObject({ code: 'E_STORE' });
    });

    it('issue 15: a code is used once: the first use wins, a second or an expired one is refused', async () => {
      const store = fixture.store();
      await store.createWebLogin(tenantA, newLogin('c1'));
      await store.createWebLogin(tenantA, newLogin('c2'));
      const [first, second] = await Promise.all([store.useWebLoginCode(hashOf('secret-c1'), t0 + 1), store.useWebLoginCode(hashOf('secret-c1'), t0 + 1)]);
      expect([first?.used, second?.used].sort()).toEqual([false, true]);
      expect(first?.login.usedAt).toBe(t0 + 1);
      expect(await store.useWebLoginCode(hashOf('secret-c2'), t0 + 300_000)).toMatchObject({ used: false, login: { id: 'c2' } });
      expect((await store.findWebLogin('code', hashOf('secret-c2')))?.usedAt).toBeUndefined();
      expect(await store.useWebLoginCode(hashOf('nothing'), t0)).toBeUndefined();
    });

    it('issue 15: a session is never used as a code, and logins expired over a day ago are forgotten', async () => {
      const store = fixture.store();
      await store.createWebLogin(tenantA, newLogin('s1', { kind: 'session' }));
      expect(await store.useWebLoginCode(hashOf('secret-s1'), t0)).toBeUndefined();
      await store.createWebLogin(tenantA, newLogin('late', { createdAt: t0 + 300_000 + 24 * 3600_000 + 1, expiresAt: t0 + 48 * 3600_000 }));
      expect(await store.findWebLogin('session', hashOf('secret-s1'))).toBeUndefined();
      expect(await store.findWebLogin('code', hashOf('secret-late'))).toBeDefined();
    });
  });
}
