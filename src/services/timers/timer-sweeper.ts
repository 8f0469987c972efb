import type { Clock } from '../../core/clock.js';
import { runDueTimers, type RunDueTimersOptions } from './run-due-timers.js';

export interface TimerSweeperOptions extends RunDueTimersOptions {
  clock: Clock;
  /** Time between sweeps. Default 1 s: an escalation fires at most this late while a process lives. */
  intervalMs?: number;
  /** How long a fired timer is kept before it is deleted. Default 1 h (see pruneFiredTimers). */
  keepFiredMs?: number;
  /** How often fired timers are pruned. Default 1 min. */
  pruneEveryMs?: number;
  /** Stops the sweeper; the sweep under way finishes first. */
  signal: AbortSignal;
}

/** Fired timers deleted per prune statement, so a big backlog never holds the write lock long. */
const pruneBatch = 500;

/**
 * Sweeps due timers every `intervalMs` until `signal` aborts: what a long-lived process (the
 * daemon, `orchestra worker`) runs so that SLAs escalate with nobody at a terminal. Several
 * processes may sweep the same store: each timer is claimed by one. Every `pruneEveryMs` it also
 * deletes the timers fired more than `keepFiredMs` ago, so the table holds what is pending plus a
 * short tail. Resolves once stopped.
 */
export async function runTimerSweeper(options: TimerSweeperOptions): Promise<void> {
  const { clock, intervalMs = 1_000, keepFiredMs = 3_600_000, pruneEveryMs = 60_000, signal } = options;
  let prunedAt = Number.NEGATIVE_INFINITY;
  while (!signal.aborted) {
    try {
      await runDueTimers(options);
      if (clock.now() - prunedAt >= pruneEveryMs) {
        prunedAt = clock.now();
        await pruneFired(options, prunedAt - keepFiredMs);
      }
    } catch (error) {
      // The store may be busy or briefly unavailable: the next sweep tries again.
      options.log?.warn('timer sweep failed', { error: error instanceof Error ? error.message : String(error) });
    }
    await clock.sleep(intervalMs, signal).catch(() => undefined);
  }
}

async function pruneFired(options: TimerSweeperOptions, firedBefore: number): Promise<void> {
  while (!options.signal.aborted && (await options.store.pruneFiredTimers(firedBefore, pruneBatch)) === pruneBatch);
}
