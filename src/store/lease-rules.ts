import type { Lease } from './types.js';
import { invalidInputError } from './store-errors.js';

/*
 * Who may drive a run. Both stores apply these rules inside one write transaction, so two
 * processes racing for the same run cannot both win.
 */

/** A lease is expired from the instant `expiresAt` is reached. */
export function isLeaseExpired(lease: Lease, now: number): boolean {
  return lease.expiresAt <= now;
}

/** Acquire succeeds when nobody holds the lease, when it lapsed, or when it is already ours. */
export function canAcquireLease(current: Lease | undefined, owner: string, now: number): boolean {
  return current === undefined || current.owner === owner || isLeaseExpired(current, now);
}

/**
 * Renew succeeds only for the lease's owner. An expired lease that is still ours can be renewed:
 * nobody took it over in between, so nobody else advanced the run.
 */
export function canRenewLease(current: Lease | undefined, owner: string): boolean {
  return current !== undefined && current.owner === owner;
}

/** Release is a no-op for anyone but the owner: a late release must not free someone else's lease. */
export function canReleaseLease(current: Lease | undefined, owner: string): boolean {
  return current !== undefined && current.owner === owner;
}

export function validateLeaseTiming(runId: string, ttlMs: number, now: number): void {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw invalidInputError(`lease ttl for run "${runId}"`, `must be a positive number of milliseconds (got ${String(ttlMs)})`);
  }
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw invalidInputError(`lease time for run "${runId}"`, `must be a finite epoch time in milliseconds (got ${String(now)})`);
  }
}
