import { describe, expect, it } from 'vitest';
import type { Lease } from '../types.js';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, t0 } from './fixtures.case.js';

type Action = ['acquire' | 'renew', string, number] | ['release', string];

/** Each case starts with "a" holding r1's lease until t0 + 1000, then applies one action. */
const cases: Array<[string, Action, boolean | undefined, Lease | undefined]> = [
  ['another owner cannot acquire an unexpired lease', ['acquire', 'b', t0 + 999], false, { runId: 'r1', owner: 'a', expiresAt: t0 + 1_000 }],
  ['another owner acquires it the moment it expires', ['acquire', 'b', t0 + 1_000], true, { runId: 'r1', owner: 'b', expiresAt: t0 + 1_500 }],
  ['another owner acquires an expired lease', ['acquire', 'b', t0 + 5_000], true, { runId: 'r1', owner: 'b', expiresAt: t0 + 5_500 }],
  ['the owner re-acquires and extends it', ['acquire', 'a', t0 + 10], true, { runId: 'r1', owner: 'a', expiresAt: t0 + 510 }],
  ['the owner renews an unexpired lease', ['renew', 'a', t0 + 900], true, { runId: 'r1', owner: 'a', expiresAt: t0 + 1_400 }],
  ['the owner renews its own expired lease nobody took', ['renew', 'a', t0 + 3_000], true, { runId: 'r1', owner: 'a', expiresAt: t0 + 3_500 }],
  ['another owner cannot renew', ['renew', 'b', t0 + 10], false, { runId: 'r1', owner: 'a', expiresAt: t0 + 1_000 }],
  ['another owner cannot renew an expired lease', ['renew', 'b', t0 + 3_000], false, { runId: 'r1', owner: 'a', expiresAt: t0 + 1_000 }],
  ['another owner cannot release', ['release', 'b'], undefined, { runId: 'r1', owner: 'a', expiresAt: t0 + 1_000 }],
  ['the owner releases', ['release', 'a'], undefined, undefined],
];

export function describeLeaseConformance(fixture: StoreFixture): void {
  describe('leases', () => {
    it.each(cases)('%s', async (_label, action, result, after) => {
      const store = fixture.store();
      expect(await store.acquireLease('r1', 'a', 1_000, t0)).toBe(true);
      const outcome =
        action[0] === 'release'
          ? await store.releaseLease('r1', action[1])
          : await store[action[0] === 'acquire' ? 'acquireLease' : 'renewLease']('r1', action[1], 500, action[2]);
      expect(outcome).toBe(result);
      expect(await store.getLease('r1')).toEqual(after);
    });

    it('acquires a free lease and reports it', async () => {
      const store = fixture.store();
      expect(await store.getLease('r1')).toBeUndefined();
      expect(await store.acquireLease('r1', 'worker-1', 30_000, t0)).toBe(true);
      expect(await store.getLease('r1')).toEqual({ runId: 'r1', owner: 'worker-1', expiresAt: t0 + 30_000 });
    });

    it('cannot renew or release a lease nobody holds', async () => {
      const store = fixture.store();
      expect(await store.renewLease('r1', 'a', 1_000, t0)).toBe(false);
      await store.releaseLease('r1', 'a');
      expect(await store.getLease('r1')).toBeUndefined();
    });

    it('cannot renew a lease another owner took over after it expired', async () => {
      const store = fixture.store();
      await store.acquireLease('r1', 'a', 1_000, t0);
      expect(await store.acquireLease('r1', 'b', 1_000, t0 + 2_000)).toBe(true);
      expect(await store.renewLease('r1', 'a', 1_000, t0 + 2_001)).toBe(false);
      expect((await store.getLease('r1'))?.owner).toBe('b');
    });

    it('keeps leases of different runs apart', async () => {
      const store = fixture.store();
      expect(await store.acquireLease('r1', 'a', 1_000, t0)).toBe(true);
      expect(await store.acquireLease('r2', 'b', 1_000, t0)).toBe(true);
      await store.releaseLease('r1', 'a');
      expect(await store.getLease('r2')).toEqual({ runId: 'r2', owner: 'b', expiresAt: t0 + 1_000 });
    });

    it.each([
      [0, t0, 'lease ttl for run "r1" must be a positive number of milliseconds (got 0)'],
      [-5, t0, 'lease ttl for run "r1" must be a positive number of milliseconds (got -5)'],
      [Number.NaN, t0, 'lease ttl for run "r1" must be a positive number of milliseconds (got NaN)'],
      [1_000, Number.NaN, 'lease time for run "r1" must be a finite epoch time in milliseconds (got NaN)'],
    ])('rejects ttl %s at %s', async (ttl, now, message) => {
      const store = fixture.store();
      await expectStoreError(store.acquireLease('r1', 'a', ttl, now), 'E_STORE', message);
      await expectStoreError(store.renewLease('r1', 'a', ttl, now), 'E_STORE', message);
      expect(await store.getLease('r1')).toBeUndefined();
    });
  });
}
