import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewApiToken } from '../api-token-types.js';
import type { StoreFixture } from './fixtures.case.js';
import { t0 } from './fixtures.case.js';
import { tenantA, tenantB } from './human-task-fixtures.case.js';

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(id: string, overrides: Partial<NewApiToken> = {}): NewApiToken {
  return { id, name: id, user: 'ada@example.com', access: 'write', tokenHash: hashOf(`secret-${id}`), createdAt: t0, ...overrides };
}

export function describeApiTokenConformance(fixture: StoreFixture): void {
  describe('API tokens', () => {
    it('issue 12: stores a token without handing its hash back, and finds it by hash across tenants', async () => {
      const store = fixture.store();
      const created = await store.createApiToken(tenantA, newToken('k1', { access: 'read' }));
      expect(created).toEqual({ id: 'k1', tenant: 'acme', name: 'k1', user: 'ada@example.com', access: 'read', createdAt: t0 });
      expect(await store.findApiTokenByHash(hashOf('secret-k1'))).toEqual(created);
      expect(await store.findApiTokenByHash(hashOf('secret-other'))).toBeUndefined();
      expect(await store.listApiTokens(tenantA)).toEqual([created]);
    });

    it('issue 12: lists newest first, and tenant B neither sees nor revokes nor touches tenant A\'s tokens', async () => {
      const store = fixture.store();
      await store.createApiToken(tenantA, newToken('old'));
      await store.createApiToken(tenantA, newToken('new', { createdAt: t0 + 1 }));
      expect((await store.listApiTokens(tenantA)).map((token) => token.id)).toEqual(['new', 'old']);
      expect(await store.listApiTokens(tenantB)).toEqual([]);
      expect(await store.revokeApiToken(tenantB, 'old', t0 + 5)).toBeUndefined();
      await store.touchApiToken(tenantB, 'old', t0 + 5);
      expect(await store.findApiTokenByHash(hashOf('secret-old'))).not.toHaveProperty('revokedAt');
      expect(await store.findApiTokenByHash(hashOf('secret-old'))).not.toHaveProperty('lastUsedAt');
      // The same name in another tenant is another token.
      expect((await store.createApiToken(tenantB, newToken('old', { tokenHash: hashOf('b') }))).tenant).toBe('globex');
    });

    it('issue 12: a name is unique among live tokens (E_USAGE naming the field), free again once revoked', async () => {
      const store = fixture.store();
      await store.createApiToken(tenantA, newToken('k1', { name: 'ci' }));
      await expect(store.createApiToken(tenantA, newToken('k2', { name: 'ci' }))).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('name:') });
      expect(await store.listApiTokens(tenantA)).toHaveLength(1);
      const revoked = await store.revokeApiToken(tenantA, 'k1', t0 + 10);
      expect(revoked).toMatchObject({ id: 'k1', revokedAt: t0 + 10 });
      expect((await store.createApiToken(tenantA, newToken('k2', { name: 'ci' }))).name).toBe('ci');
    });

    it('issue 12: an id or a hash that exists is E_STORE and writes nothing', async () => {
      const store = fixture.store();
      await store.createApiToken(tenantA, newToken('k1'));
      await expect(store.createApiToken(tenantA, newToken('k1', { name: 'other', tokenHash: hashOf('x') }))).rejects.toMatchObject({ code: 'E_STORE' });
      await expect(store.createApiToken(tenantB, newToken('k9', { tokenHash: hashOf('secret-k1') }))).rejects.toMatchObject({ code: 'E_STORE' });
      await expect(store.createApiToken(tenantA, newToken('k3', { tokenHash: 'PLAINTEXT' }))).rejects.toMatchObject({ code: 'E_STORE' });
      expect(await store.listApiTokens(tenantB)).toEqual([]);
      expect(await store.listApiTokens(tenantA)).toHaveLength(1);
    });

    it('issue 12: revoking twice keeps the first time; lastUsedAt only moves forward', async () => {
      const store = fixture.store();
      await store.createApiToken(tenantA, newToken('k1'));
      await store.touchApiToken(tenantA, 'k1', t0 + 100);
      await store.touchApiToken(tenantA, 'k1', t0 + 50);
      expect((await store.findApiTokenByHash(hashOf('secret-k1')))?.lastUsedAt).toBe(t0 + 100);
      await store.revokeApiToken(tenantA, 'k1', t0 + 200);
      expect(await store.revokeApiToken(tenantA, 'k1', t0 + 300)).toMatchObject({ revokedAt: t0 + 200, lastUsedAt: t0 + 100 });
      expect(await store.revokeApiToken(tenantA, 'nope', t0 + 300)).toBeUndefined();
      expect((await store.findApiTokenByHash(hashOf('secret-k1')))?.revokedAt).toBe(t0 + 200);
    });
  });
}
