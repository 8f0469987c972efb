import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../outbox.js';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, t0 } from './fixtures.case.js';

export function newDelivery(id: string, overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    id,
    tenant: 'acme',
    channel: 'slack-ops',
    event: 'created',
    taskId: 'ht-1',
    payload: { event: 'created', task: { id: 'ht-1', title: 'Approve <release>' }, list: [1, 'two', null] },
    createdAt: t0,
    ...overrides,
  };
}

const claim = (owner: string, now: number, limit = 10, leaseMs = 1_000) => ({ owner, now, leaseMs, limit });

export function describeOutboxConformance(fixture: StoreFixture): void {
  describe('issue 10: notification outbox', () => {
    it('issue 10: enqueues a pending delivery that only its tenant lists, payload intact', async () => {
      const store = fixture.store();
      await store.enqueueDelivery(newDelivery('d1'));
      await store.enqueueDelivery(newDelivery('d2', { tenant: 'other' }));
      const [listed, ...rest] = await store.listDeliveries('acme');
      expect(rest).toEqual([]);
      expect(listed).toEqual({ ...newDelivery('d1'), status: 'pending', attempts: 0, nextAttemptAt: t0 });
      expect((await store.listDeliveries('other')).map((d) => d.id)).toEqual(['d2']);
      expect(await store.listDeliveries('nobody')).toEqual([]);
    });

    it("issue 12: lists one human task's deliveries, newest first, within the tenant", async () => {
      const store = fixture.store();
      await store.enqueueDelivery(newDelivery('d1'));
      await store.enqueueDelivery(newDelivery('d2', { taskId: 'ht-2' }));
      await store.enqueueDelivery(newDelivery('d3', { createdAt: t0 + 1 }));
      await store.enqueueDelivery(newDelivery('d4', { tenant: 'other' }));
      expect((await store.listDeliveries('acme', { taskId: 'ht-1' })).map((d) => d.id)).toEqual(['d3', 'd1']);
      expect((await store.listDeliveries('acme', { taskId: 'ht-1', limit: 1 })).map((d) => d.id)).toEqual(['d3']);
      expect((await store.listDeliveries('other', { taskId: 'ht-2' })).map((d) => d.id)).toEqual([]);
    });

    it("issue 10: keeps a delivery's channel target as given and hands it back with the claim", async () => {
      const store = fixture.store();
      const target = { name: 'hook', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' };
      await store.enqueueDelivery(newDelivery('d1', { target }));
      await store.enqueueDelivery(newDelivery('d2'));
      const claimed = await store.claimDeliveries(claim('p1', t0));
      expect(claimed.find((d) => d.id === 'd1')?.target).toEqual(target);
      expect(claimed.find((d) => d.id === 'd2')).not.toHaveProperty('target');
      expect((await store.listDeliveries('acme')).find((d) => d.id === 'd1')?.target).toEqual(target);
    });

    it("issue 10: pins a task's notice routing once per tenant and task: the first one wins", async () => {
      const store = fixture.store();
      expect(await store.getNoticeRouting('acme', 'ht-1')).toBeUndefined();
      await store.pinNoticeRouting('acme', 'ht-1', { routes: [{ events: ['created'], channels: ['hook'] }] }, t0);
      await store.pinNoticeRouting('acme', 'ht-1', { routes: [] }, t0 + 1);
      await store.pinNoticeRouting('other', 'ht-1', { routes: [] }, t0 + 2);
      expect(await store.getNoticeRouting('acme', 'ht-1')).toEqual({ routes: [{ events: ['created'], channels: ['hook'] }] });
      expect(await store.getNoticeRouting('other', 'ht-1')).toEqual({ routes: [] });
      await expect(store.pinNoticeRouting('acme', '', {}, t0)).rejects.toMatchObject({ code: 'E_STORE', message: expect.stringContaining('needs a tenant and a task id') });
    });

    it('issue 10: a second delivery with the same id is an error and changes nothing', async () => {
      const store = fixture.store();
      await store.enqueueDelivery(newDelivery('d1'));
      await expectStoreError(store.enqueueDelivery(newDelivery('d1', { channel: 'mail' })), 'E_STORE', 'delivery "d1" already exists in the outbox');
      expect((await store.listDeliveries('acme')).map((d) => d.channel)).toEqual(['slack-ops']);
    });

    it.each([
      ['an empty channel', { channel: '' }, 'delivery channel must be a non-empty string (got )'],
      ['a bad time', { createdAt: Number.NaN }, 'createdAt of delivery "d1" must be a finite epoch time in milliseconds (got NaN)'],
      ['a payload JSON cannot hold', { payload: { n: 1n } }, 'payload of delivery "d1" cannot be stored as JSON: Do not know how to serialize a BigInt'],
    ])('issue 10: rejects %s', async (_label, overrides, message) => {
      const store = fixture.store();
      await expectStoreError(store.enqueueDelivery(newDelivery('d1', overrides as Partial<NewDelivery>)), 'E_STORE', message);
      expect(await store.listDeliveries('acme')).toEqual([]);
    });

    it('issue 10: claims due deliveries oldest first, up to the limit, under a lease another claimer respects', async () => {
      const store = fixture.store();
      for (const [id, at] of [['late', t0 + 500], ['first', t0], ['second', t0 + 100]] as const) await store.enqueueDelivery(newDelivery(id, { createdAt: at }));
      const claimed = await store.claimDeliveries(claim('a', t0 + 200, 5));
      expect(claimed.map((d) => [d.id, d.attempts, d.leaseOwner, d.leaseExpiresAt])).toEqual([
        ['first', 1, 'a', t0 + 1_200],
        ['second', 1, 'a', t0 + 1_200],
      ]);
      expect(claimed[0]?.payload).toEqual(newDelivery('x').payload);
      expect((await store.claimDeliveries(claim('b', t0 + 600))).map((d) => d.id)).toEqual(['late']);
      expect(await store.claimDeliveries(claim('b', t0 + 1_199))).toEqual([]);
      // The lease lapsed and nobody settled them: another claimer takes them, and it counts as an attempt.
      const retaken = await store.claimDeliveries(claim('b', t0 + 1_200, 1));
      expect(retaken.map((d) => [d.id, d.attempts, d.leaseOwner])).toEqual([['first', 2, 'b']]);
    });

    it('issue 10: only the claim owner settles a delivery, once; a delivered one is never claimed again', async () => {
      const store = fixture.store();
      await store.enqueueDelivery(newDelivery('d1'));
      await store.claimDeliveries(claim('a', t0));
      expect(await store.markDelivered('d1', 'b', t0 + 10)).toBe(false);
      expect(await store.markDelivered('d1', 'a', t0 + 10)).toBe(true);
      expect(await store.markDelivered('d1', 'a', t0 + 11)).toBe(false);
      expect(await store.markFailed('d1', 'a', { error: 'late', at: t0 + 12, retryAt: t0 + 20 })).toBe(false);
      expect(await store.markDelivered('missing', 'a', t0)).toBe(false);
      const [delivered] = await store.listDeliveries('acme');
      expect(delivered).toEqual({ ...newDelivery('d1'), status: 'delivered', attempts: 1, deliveredAt: t0 + 10, lastAttemptAt: t0 + 10 });
      expect(await store.claimDeliveries(claim('a', t0 + 1_000_000))).toEqual([]);
    });

    it('issue 10: a failure with a retry time is claimable again from then; one without is dead', async () => {
      const store = fixture.store();
      await store.enqueueDelivery(newDelivery('retry'));
      await store.enqueueDelivery(newDelivery('give-up', { createdAt: t0 + 1 }));
      await store.claimDeliveries(claim('a', t0 + 5));
      expect(await store.markFailed('retry', 'a', { error: 'ECONNREFUSED 127.0.0.1:9', at: t0 + 10, retryAt: t0 + 5_000 })).toBe(true);
      expect(await store.markFailed('give-up', 'a', { error: 'HTTP 404', at: t0 + 11 })).toBe(true);
      const [dead, failed] = await store.listDeliveries('acme');
      expect(failed).toEqual({ ...newDelivery('retry'), status: 'failed', attempts: 1, lastError: 'ECONNREFUSED 127.0.0.1:9', lastAttemptAt: t0 + 10, nextAttemptAt: t0 + 5_000 });
      expect(dead).toEqual({ ...newDelivery('give-up', { createdAt: t0 + 1 }), status: 'dead', attempts: 1, lastError: 'HTTP 404', lastAttemptAt: t0 + 11 });
      expect(await store.claimDeliveries(claim('b', t0 + 4_999))).toEqual([]);
      expect((await store.claimDeliveries(claim('b', t0 + 5_000))).map((d) => [d.id, d.attempts])).toEqual([['retry', 2]]);
      expect(await store.markDelivered('retry', 'b', t0 + 5_001)).toBe(true);
    });

    it('issue 10: lists newest first, filtered by status and limited', async () => {
      const store = fixture.store();
      for (let i = 1; i <= 4; i += 1) await store.enqueueDelivery(newDelivery(`d${i}`, { createdAt: t0 + i }));
      await store.claimDeliveries(claim('a', t0 + 10));
      await store.markFailed('d1', 'a', { error: 'x', at: t0 + 11, retryAt: t0 + 100 });
      await store.markFailed('d2', 'a', { error: 'y', at: t0 + 11 });
      await store.markDelivered('d3', 'a', t0 + 11);
      const ids = async (filter?: Parameters<typeof store.listDeliveries>[1]) => (await store.listDeliveries('acme', filter)).map((d) => d.id);
      expect(await ids()).toEqual(['d4', 'd3', 'd2', 'd1']);
      expect(await ids({ statuses: ['failed', 'dead'] })).toEqual(['d2', 'd1']);
      expect(await ids({ statuses: ['pending'] })).toEqual(['d4']);
      expect(await ids({ statuses: [] })).toEqual([]);
      expect(await ids({ limit: 2 })).toEqual(['d4', 'd3']);
    });

    it.each([
      [{ leaseMs: 0 }, 'delivery lease must be a positive number of milliseconds (got 0)'],
      [{ limit: 0 }, 'delivery claim limit must be a positive integer (got 0)'],
      [{ now: Number.NaN }, 'delivery claim time must be a finite epoch time in milliseconds (got NaN)'],
    ])('issue 10: rejects the claim %o', async (overrides, message) => {
      const store = fixture.store();
      await store.enqueueDelivery(newDelivery('d1'));
      await expectStoreError(store.claimDeliveries({ ...claim('a', t0), ...overrides }), 'E_STORE', message);
      expect((await store.listDeliveries('acme'))[0]?.attempts).toBe(0);
    });
  });
}
