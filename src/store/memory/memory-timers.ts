import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import type { HumanTask, NewHumanTask } from '../human-task-types.js';
import type { HumanTaskTimerOutcome, HumanTaskTimerResult, HumanTaskTimerStore } from '../human-task-timers.js';
import { invalidInputError } from '../store-errors.js';
import { canCompleteTimer, claimTimer, compareTimers, createTimerRecord, isClaimable, isPrunable, validateClaimRequest, validatePruneRequest } from '../timer-rules.js';
import type { NewTimer, Timer, TimerFilter, TimerRef } from '../timer-types.js';
import type { TimerStore } from '../timers.js';
import { MemoryHumanTaskStore } from './memory-human-tasks.js';

/**
 * Timers in memory (MemoryStore extends this), by the same rules as SQLite (timer-rules.ts). Each
 * call runs synchronously inside one promise job, which makes a claim or a firing atomic here.
 * Rows are kept as JSON, so callers never share objects with the store.
 */
export class MemoryTimerStore extends MemoryHumanTaskStore implements TimerStore, HumanTaskTimerStore {
  /** `tenant\0id` → the timer as JSON. */
  private readonly timerRows = new Map<string, string>();

  override createHumanTask(scope: TenantScope, input: NewHumanTask, timers: NewTimer[] = []): Promise<HumanTask> {
    return this.guard(() => {
      const records = timers.map((timer) => createTimerRecord(tenantOf(scope), timer));
      const task = this.createNow(scope, input);
      this.insert(records);
      return task;
    });
  }

  scheduleTimers(scope: TenantScope, timers: NewTimer[]): Promise<void> {
    return this.guard(() => this.insert(timers.map((timer) => createTimerRecord(tenantOf(scope), timer))));
  }

  getTimer(scope: TenantScope, id: string): Promise<Timer | undefined> {
    return this.guard(() => this.timer(tenantOf(scope), id));
  }

  listTimers(scope: TenantScope, filter: TimerFilter = {}): Promise<Timer[]> {
    return this.guard(() => {
      const tenant = tenantOf(scope);
      return this.allTimers()
        .filter((timer) => timer.tenant === tenant && (filter.subjectId === undefined || timer.subjectId === filter.subjectId) && (filter.pending !== true || timer.firedAt === undefined))
        .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    });
  }

  claimDueTimers(owner: string, now: number, leaseMs: number, limit: number): Promise<Timer[]> {
    return this.guard(() => {
      validateClaimRequest(owner, now, leaseMs, limit);
      const claimed = this.allTimers().filter((timer) => isClaimable(timer, now)).sort(compareTimers).slice(0, limit).map((timer) => claimTimer(timer, owner, now, leaseMs));
      for (const timer of claimed) this.put(timer);
      return claimed;
    });
  }

  completeTimer(timer: TimerRef, owner: string, now: number, next: NewTimer[] = []): Promise<boolean> {
    return this.guard(() => {
      const stored = this.timer(timer.tenant, timer.id);
      if (!canCompleteTimer(stored, owner)) return false;
      this.insert(next.map((entry) => createTimerRecord(timer.tenant, entry)));
      this.put({ ...stored, firedAt: now });
      return true;
    });
  }

  pruneFiredTimers(firedBefore: number, limit: number): Promise<number> {
    return this.guard(() => {
      validatePruneRequest(firedBefore, limit);
      const pruned = this.allTimers().filter((timer) => isPrunable(timer, firedBefore)).slice(0, limit);
      for (const timer of pruned) this.timerRows.delete(keyOf(timer));
      return pruned.length;
    });
  }

  fireHumanTaskTimer(scope: TenantScope, timer: TimerRef, owner: string, now: number, decide: (task: HumanTask | undefined) => HumanTaskTimerOutcome): Promise<HumanTaskTimerResult> {
    return this.guard((): HumanTaskTimerResult => {
      const tenant = tenantOf(scope);
      if (tenant !== timer.tenant) throw invalidInputError(`timer "${timer.id}"`, `belongs to another tenant than "${tenant}"`);
      const stored = this.timer(tenant, timer.id);
      if (!canCompleteTimer(stored, owner)) return { fired: false };
      const task = this.read(scope, stored.subjectId);
      const { change, schedule = [] } = decide(task);
      // Everything is checked before anything is written: a bad timer or change leaves all as it was.
      const records = schedule.map((entry) => createTimerRecord(tenant, entry));
      const updated = change && task ? this.updateNow(scope, task.id, () => change) : task;
      this.insert(records);
      this.put({ ...stored, firedAt: now });
      return updated ? { fired: true, task: updated } : { fired: true };
    });
  }

  private insert(timers: Timer[]): void {
    for (const timer of timers) if (!this.timerRows.has(keyOf(timer))) this.put(timer);
  }

  private put(timer: Timer): void {
    this.timerRows.set(keyOf(timer), JSON.stringify(timer));
  }

  private timer(tenant: string, id: string): Timer | undefined {
    const json = this.timerRows.get(keyOf({ tenant, id }));
    return json === undefined ? undefined : (JSON.parse(json) as Timer);
  }

  private allTimers(): Timer[] {
    return [...this.timerRows.values()].map((json) => JSON.parse(json) as Timer);
  }
}

function keyOf(timer: TimerRef): string {
  return `${timer.tenant}\0${timer.id}`;
}
