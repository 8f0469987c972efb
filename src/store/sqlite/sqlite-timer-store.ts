import type Database from 'better-sqlite3';
import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import type { HumanTask } from '../human-task-types.js';
import type { HumanTaskTimerOutcome, HumanTaskTimerResult, HumanTaskTimerStore } from '../human-task-timers.js';
import { invalidInputError } from '../store-errors.js';
import { validateClaimRequest, validatePruneRequest } from '../timer-rules.js';
import type { NewTimer, Timer, TimerFilter, TimerRef } from '../timer-types.js';
import type { TimerStore } from '../timers.js';
import { HumanTaskTable } from './human-task-table.js';
import { SqliteConnection } from './sqlite-connection.js';
import { TimerTable } from './timer-table.js';

// Firing changes a human task: durable, like every human-task change. A claim may be lost to a
// power cut: the timer is then claimed again, which is harmless.
const durable = true;
const ordinary = false;

/**
 * The timer part of the SQLite store (SqliteStore extends it). Every write goes through the group
 * commit's IMMEDIATE transaction, so reading a claim and writing it cannot interleave with another
 * process; fireHumanTaskTimer writes the task's change, the next timers and the fired mark together.
 */
export abstract class SqliteTimerStore extends SqliteConnection implements TimerStore, HumanTaskTimerStore {
  protected readonly timers: TimerTable;
  private readonly firingTasks: HumanTaskTable;

  constructor(db: Database.Database, path: string, busyTimeoutMs: number) {
    super(db, path, busyTimeoutMs);
    this.timers = new TimerTable(db);
    this.firingTasks = new HumanTaskTable(db);
  }

  scheduleTimers(scope: TenantScope, timers: NewTimer[]): Promise<void> {
    return this.submit(durable, () => this.timers.schedule(tenantOf(scope), timers));
  }

  getTimer(scope: TenantScope, id: string): Promise<Timer | undefined> {
    return this.guard(() => this.timers.get(tenantOf(scope), id));
  }

  listTimers(scope: TenantScope, filter: TimerFilter = {}): Promise<Timer[]> {
    return this.guard(() => this.timers.list(tenantOf(scope), filter));
  }

  claimDueTimers(owner: string, now: number, leaseMs: number, limit: number): Promise<Timer[]> {
    return this.submit(ordinary, () => {
      validateClaimRequest(owner, now, leaseMs, limit);
      return this.timers.claim(owner, now, leaseMs, limit);
    });
  }

  completeTimer(timer: TimerRef, owner: string, now: number, next: NewTimer[] = []): Promise<boolean> {
    return this.submit(durable, () => {
      if (!this.timers.holds(timer, owner)) return false;
      this.timers.schedule(timer.tenant, next);
      this.timers.markFired(timer, now);
      return true;
    });
  }

  pruneFiredTimers(firedBefore: number, limit: number): Promise<number> {
    return this.submit(ordinary, () => {
      validatePruneRequest(firedBefore, limit);
      return this.timers.pruneFired(firedBefore, limit);
    });
  }

  fireHumanTaskTimer(scope: TenantScope, timer: TimerRef, owner: string, now: number, decide: (task: HumanTask | undefined) => HumanTaskTimerOutcome): Promise<HumanTaskTimerResult> {
    return this.submit(durable, (): HumanTaskTimerResult => {
      const tenant = tenantOf(scope);
      if (tenant !== timer.tenant) throw invalidInputError(`timer "${timer.id}"`, `belongs to another tenant than "${tenant}"`);
      const stored = this.timers.get(tenant, timer.id);
      if (!stored || !this.timers.holds(timer, owner)) return { fired: false };
      const task = this.firingTasks.get(tenant, stored.subjectId);
      const { change, schedule = [] } = decide(task);
      const updated = change && task ? this.taskChanged(this.firingTasks.update(tenant, task.id, () => change)) : task;
      this.timers.schedule(tenant, schedule);
      this.timers.markFired(timer, now);
      return updated ? { fired: true, task: updated } : { fired: true };
    });
  }

  /** Called inside the transaction that changed `task`; SqliteWorkflowStore wakes the task's workflow here. */
  protected taskChanged(task: HumanTask): HumanTask {
    return task;
  }
}
