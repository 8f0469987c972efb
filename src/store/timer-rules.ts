import { serializeJson } from './event-input.js';
import { invalidInputError } from './store-errors.js';
import type { NewTimer, Timer } from './timer-types.js';

/* Rules every Store applies the same way to timers (SQLite, memory, later PostgreSQL). */

/** The timer as stored when scheduled: not claimed, not fired, payload through JSON. */
export function createTimerRecord(tenant: string, input: NewTimer): Timer {
  const what = `timer "${String(input.id)}"`;
  if (typeof input.id !== 'string' || input.id.length === 0) throw invalidInputError('a new timer', 'has no id');
  if (typeof input.kind !== 'string' || input.kind.length === 0) throw invalidInputError(what, 'has no kind');
  if (typeof input.subjectId !== 'string' || input.subjectId.length === 0) throw invalidInputError(what, 'has no subject id');
  if (!Number.isFinite(input.dueAt) || !Number.isFinite(input.createdAt)) throw invalidInputError(what, 'has no valid due or creation time');
  const payload = JSON.parse(serializeJson(`the payload of ${what}`, input.payload ?? {})) as Timer['payload'];
  return { id: input.id, tenant, kind: input.kind, subjectId: input.subjectId, dueAt: input.dueAt, payload, createdAt: input.createdAt, attempts: 0 };
}

/** Due, not fired, and either never claimed or its claim's lease has run out (its claimer died). */
export function isClaimable(timer: Timer, now: number): boolean {
  return timer.firedAt === undefined && timer.dueAt <= now && (timer.leaseUntil === undefined || timer.leaseUntil <= now);
}

/** Claim order: earliest due first, then tenant and id, the same in every store. */
export function compareTimers(a: Timer, b: Timer): number {
  return a.dueAt - b.dueAt || (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function claimTimer(timer: Timer, owner: string, now: number, leaseMs: number): Timer {
  return { ...timer, claimedBy: owner, leaseUntil: now + leaseMs, attempts: timer.attempts + 1 };
}

/** Whether `owner` may mark it fired: it holds the last claim and nobody fired it. */
export function canCompleteTimer(timer: Timer | undefined, owner: string): timer is Timer {
  return timer !== undefined && timer.firedAt === undefined && timer.claimedBy === owner;
}

export function validateClaimRequest(owner: string, now: number, leaseMs: number, limit: number): void {
  if (typeof owner !== 'string' || owner.length === 0) throw invalidInputError('a timer claim', 'has no owner');
  if (!Number.isFinite(now) || !Number.isFinite(leaseMs) || leaseMs <= 0) throw invalidInputError('a timer claim', `needs a time and a positive lease (got ${leaseMs} ms)`);
  if (!Number.isInteger(limit) || limit < 1) throw invalidInputError('a timer claim', `needs a limit of at least 1 (got ${limit})`);
}

export function validatePruneRequest(firedBefore: number, limit: number): void {
  if (!Number.isFinite(firedBefore)) throw invalidInputError('a timer prune', `needs a time (got ${firedBefore})`);
  if (!Number.isInteger(limit) || limit < 1) throw invalidInputError('a timer prune', `needs a limit of at least 1 (got ${limit})`);
}

/** Pruned: fired at or before the cut (an unfired timer is never pruned, whatever its claim). */
export function isPrunable(timer: Timer, firedBefore: number): boolean {
  return timer.firedAt !== undefined && timer.firedAt <= firedBefore;
}
