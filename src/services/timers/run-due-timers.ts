import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Timer } from '../../store/timer-types.js';
import type { TimerStore } from '../../store/timers.js';

/**
 * Fires one claimed timer: does its effect and marks it fired (store.completeTimer, or a store
 * method that does both in one transaction such as fireHumanTaskTimer). Resolves true when it
 * fired, false when the claim was lost to another process. A throw leaves the timer claimed: its
 * lease lapses and a later sweep tries again.
 */
export type TimerHandler = (timer: Timer, firing: { owner: string; now: number }) => Promise<boolean>;

export interface RunDueTimersOptions {
  store: TimerStore;
  clock: Pick<Clock, 'now'>;
  /** By timer kind. A kind nobody handles stays claimed until its lease lapses (a newer process may know it). */
  handlers: Readonly<Record<string, TimerHandler>>;
  /** Who claims: unique per process (e.g. `daemon:PID:RANDOM`). */
  owner: string;
  /** How long a claim holds before another process may take the timer over. Default 60 s. */
  leaseMs?: number;
  /** Timers claimed at a time. Default 50. */
  batch?: number;
  /** Claim rounds per call: firing a step may make the next one due at once (a late sweep). Default 10. */
  maxRounds?: number;
  log?: Pick<Logger, 'warn'>;
  /** Called after each claim has committed, before firing (tests stop a process exactly there). */
  onClaimed?: (timers: readonly Timer[]) => Promise<void> | void;
}

export interface TimerSweep {
  claimed: number;
  fired: number;
  /** Timers whose handler threw or whose kind nobody handles: retried once their lease lapses. */
  failed: Array<{ id: string; kind: string; error: string }>;
}

/** Claims the timers due now and fires each through its kind's handler, until none is due. */
export async function runDueTimers(options: RunDueTimersOptions): Promise<TimerSweep> {
  const { store, clock, handlers, owner, leaseMs = 60_000, batch = 50, maxRounds = 10, log, onClaimed } = options;
  const sweep: TimerSweep = { claimed: 0, fired: 0, failed: [] };
  for (let round = 0; round < maxRounds; round++) {
    const timers = await store.claimDueTimers(owner, clock.now(), leaseMs, batch);
    if (timers.length === 0) break;
    sweep.claimed += timers.length;
    await onClaimed?.(timers);
    for (const timer of timers) {
      const handler = handlers[timer.kind];
      try {
        if (!handler) throw new Error(`no handler for timer kind "${timer.kind}"`);
        if (await handler(timer, { owner, now: clock.now() })) sweep.fired++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        sweep.failed.push({ id: timer.id, kind: timer.kind, error: message });
        log?.warn('timer did not fire; it is retried when its claim lapses', { timer: timer.id, kind: timer.kind, tenant: timer.tenant, error: message });
      }
    }
  }
  return sweep;
}
