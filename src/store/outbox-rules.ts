import { serializeJson } from './event-input.js';
import type { Delivery, DeliveryClaim, DeliveryFailure, NewDelivery } from './outbox.js';
import { invalidInputError } from './store-errors.js';

/*
 * The outbox's rules, applied by every store inside one write transaction (issue 10).
 */

/** Due, not finished, and nobody's claim holds it (a claim lapses the instant it expires). */
export function isClaimable(delivery: Delivery, now: number): boolean {
  if (delivery.status !== 'pending' && delivery.status !== 'failed') return false;
  if ((delivery.nextAttemptAt ?? Number.POSITIVE_INFINITY) > now) return false;
  return delivery.leaseExpiresAt === undefined || delivery.leaseExpiresAt <= now;
}

/**
 * Only the claim's owner may record the result, and only once. An expired claim nobody took over
 * still counts: nobody else sent it in between.
 */
export function canSettle(delivery: Delivery | undefined, owner: string): boolean {
  return delivery !== undefined && delivery.leaseOwner === owner && (delivery.status === 'pending' || delivery.status === 'failed');
}

/** Claim order: the longest-due first, then the oldest. */
export function compareDue(a: Delivery, b: Delivery): number {
  return (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Log order: newest first. */
export function compareNewestFirst(a: Delivery, b: Delivery): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The target as JSON, or null without one; checked like the payload. */
export function targetJson(delivery: NewDelivery): string | null {
  return delivery.target === undefined ? null : serializeJson(`target of delivery "${delivery.id}"`, delivery.target);
}

/** Checks a notice routing to pin and returns it as JSON. */
export function validateRouting(tenant: string, taskId: string, routing: unknown, at: number): string {
  if (typeof tenant !== 'string' || tenant.length === 0 || typeof taskId !== 'string' || taskId.length === 0) throw invalidInputError('a notice routing', 'needs a tenant and a task id');
  checkTime(`the notice routing of task "${taskId}"`, at);
  const json = routing === undefined ? undefined : serializeJson(`the notice routing of task "${taskId}"`, routing);
  if (json === undefined) throw invalidInputError(`the notice routing of task "${taskId}"`, 'is missing');
  return json;
}

/** Checks a new delivery and returns its payload as JSON; nothing is written when it throws. */
export function validateNewDelivery(delivery: NewDelivery): string {
  for (const key of ['id', 'tenant', 'channel', 'event', 'taskId'] as const) {
    if (typeof delivery[key] !== 'string' || delivery[key].length === 0) throw invalidInputError(`delivery ${key}`, `must be a non-empty string (got ${String(delivery[key])})`);
  }
  checkTime(`createdAt of delivery "${delivery.id}"`, delivery.createdAt);
  const json = serializeJson(`payload of delivery "${delivery.id}"`, delivery.payload);
  if (json === undefined) throw invalidInputError(`payload of delivery "${delivery.id}"`, 'is missing');
  targetJson(delivery);
  return json;
}

export function validateClaim(claim: DeliveryClaim): void {
  checkTime('delivery claim time', claim.now);
  if (!(claim.leaseMs > 0) || !Number.isFinite(claim.leaseMs)) throw invalidInputError('delivery lease', `must be a positive number of milliseconds (got ${String(claim.leaseMs)})`);
  if (!Number.isInteger(claim.limit) || claim.limit < 1) throw invalidInputError('delivery claim limit', `must be a positive integer (got ${String(claim.limit)})`);
}

export function validateFailure(id: string, failure: DeliveryFailure): void {
  checkTime(`failure time of delivery "${id}"`, failure.at);
  if (failure.retryAt !== undefined) checkTime(`retry time of delivery "${id}"`, failure.retryAt);
}

function checkTime(what: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInputError(what, `must be a finite epoch time in milliseconds (got ${String(value)})`);
}

/** A duplicate id: enqueueing is not idempotent, so the caller learns about the clash. */
export function deliveryExistsError(id: string) {
  return invalidInputError(`delivery "${id}"`, 'already exists in the outbox');
}
