import type { TenantScope } from '../core/tenant-scope.js';
import type { NewTimer, Timer, TimerFilter, TimerRef } from './timer-types.js';

/**
 * The timer part of the Store (timer-types.ts; docs/human-tasks.md). Scheduling and reading
 * take the caller's TenantScope. Claiming is the system's own work across tenants: the claim hands
 * back each timer's tenant, and only the claimer may mark it fired. Conformance:
 * conformance/timers.case.ts, run against every Store.
 */
export interface TimerStore {
  /** Stores the timers; one whose id exists in the tenant is kept as it was (scheduling is idempotent). */
  scheduleTimers(scope: TenantScope, timers: NewTimer[]): Promise<void>;
  getTimer(scope: TenantScope, id: string): Promise<Timer | undefined>;
  listTimers(scope: TenantScope, filter?: TimerFilter): Promise<Timer[]>;
  /**
   * Claims up to `limit` timers due at `now` (not fired; never claimed, or their claim's lease has
   * lapsed), earliest due first, for `owner` until `now + leaseMs`, atomically: of two processes
   * claiming at once, each timer goes to one (SQLite: one IMMEDIATE transaction; PostgreSQL:
   * FOR UPDATE SKIP LOCKED). The claimer then fires it (completeTimer or fireHumanTaskTimer).
   */
  claimDueTimers(owner: string, now: number, leaseMs: number, limit: number): Promise<Timer[]>;
  /**
   * Marks the timer fired, and schedules `next` in the same transaction, if `owner` still holds its
   * claim (lapsed or not: until someone else claims it, it is still theirs). False otherwise: it was
   * fired already or another process claimed it, and nothing is written.
   */
  completeTimer(timer: TimerRef, owner: string, now: number, next?: NewTimer[]): Promise<boolean>;
  /**
   * Deletes up to `limit` timers of every tenant that fired at or before `firedBefore`, and says how
   * many. Only fired rows go: the fired mark is written in the firing's own transaction, so a process
   * killed between firing and pruning leaves a fired row that no claim takes again. A pending or
   * claimed-but-unfired timer is never deleted. While a fired row is kept, scheduling its id again is
   * still ignored; the sweeper keeps them for a while (timer-sweeper.ts) for that reason.
   */
  pruneFiredTimers(firedBefore: number, limit: number): Promise<number>;
}
