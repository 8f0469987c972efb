import type { TenantScope } from '../core/tenant-scope.js';
import type { HumanTask, HumanTaskChange } from './human-task-types.js';
import type { NewTimer, TimerRef } from './timer-types.js';

/** What a human-task timer does, decided on the current task: a change to it, and timers to set. */
export interface HumanTaskTimerOutcome {
  change?: HumanTaskChange;
  schedule?: NewTimer[];
}

/** Fired: the task after the change (undefined when it no longer exists). Not fired: the claim was lost. */
export type HumanTaskTimerResult = { fired: true; task?: HumanTask } | { fired: false };

/**
 * Fires a human task's timer exactly once (SLA escalations, reminders): in ONE transaction the
 * store checks that `owner` still holds the timer's claim and it has not fired, runs `decide` (pure,
 * synchronous: src/humans/sla) on the task, writes its change with the history entry, schedules its
 * timers, and marks the timer fired. A process killed before the commit leaves nothing behind (the
 * claim lapses and another process fires it); after the commit, a second claimer finds it fired.
 * `decide` throwing writes nothing. The scope must be the timer's tenant.
 */
export interface HumanTaskTimerStore {
  fireHumanTaskTimer(scope: TenantScope, timer: TimerRef, owner: string, now: number, decide: (task: HumanTask | undefined) => HumanTaskTimerOutcome): Promise<HumanTaskTimerResult>;
}
