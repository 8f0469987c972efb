import { describe, expect, it } from 'vitest';
import { canAcquireLease, canReleaseLease, canRenewLease, isLeaseExpired, validateLeaseTiming } from './lease-rules.js';
import type { Lease } from './types.js';

const held: Lease = { runId: 'r1', owner: 'a', expiresAt: 1_000 };

describe('lease rules', () => {
  it.each([
    [undefined, 'a', 0, true],
    [held, 'a', 500, true],
    [held, 'a', 5_000, true],
    [held, 'b', 999, false],
    [held, 'b', 1_000, true],
    [held, 'b', 1_001, true],
  ])('acquire over %j by %s at %i → %s', (lease, owner, now, expected) => {
    expect(canAcquireLease(lease, owner, now)).toBe(expected);
  });

  it.each([
    [undefined, 'a', false],
    [held, 'a', true],
    [held, 'b', false],
  ])('renew of %j by %s → %s', (lease, owner, expected) => {
    expect(canRenewLease(lease, owner)).toBe(expected);
  });

  it.each([
    [undefined, 'a', false],
    [held, 'a', true],
    [held, 'b', false],
  ])('release of %j by %s → %s', (lease, owner, expected) => {
    expect(canReleaseLease(lease, owner)).toBe(expected);
  });

  it.each([
    [999, false],
    [1_000, true],
    [1_001, true],
  ])('a lease until 1000 at %i is expired: %s', (now, expected) => {
    expect(isLeaseExpired(held, now)).toBe(expected);
  });

  it.each([
    [1, 0, undefined],
    [0.5, 0, undefined],
    [0, 0, 'lease ttl for run "r1" must be a positive number of milliseconds (got 0)'],
    [Number.POSITIVE_INFINITY, 0, 'lease ttl for run "r1" must be a positive number of milliseconds (got Infinity)'],
    [10, Number.NEGATIVE_INFINITY, 'lease time for run "r1" must be a finite epoch time in milliseconds (got -Infinity)'],
  ])('validates ttl %s at %s', (ttl, now, message) => {
    const check = () => validateLeaseTiming('r1', ttl, now);
    if (message === undefined) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'E_STORE', message }));
  });
});
