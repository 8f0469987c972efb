import type { Clock } from '../../core/clock.js';
import { runDueTimers, type RunDueTimersOptions } from './run-due-timers.js';

export interface TimerSweeperOptions extends RunDueTimersOptions {
  clock: Clock;
  /** Time between sweeps. Default 1 s: an escalation fires at most this late while a process lives. */
  intervalMs?: number;
  /** Stops the sweeper; the sweep under way finishes first. */
  signal: AbortSignal;
}

/**
 * Sweeps due timers every `intervalMs` until `signal` aborts: what a long-lived process (the
 * daemon, `orchestra worker`) runs so that SLAs escalate with nobody at a terminal. Several
 * processes may sweep the same store: each timer is claimed by one. Resolves once stopped.
 */
export async function runTimerSweeper(options: TimerSweeperOptions): Promise<void> {
  const { clock, intervalMs = 1_000, signal } = options;
  while (!signal.aborted) {
    try {
      await runDueTimers(options);
    } catch (error) {
      // The store may be busy or briefly unavailable: the next sweep tries again.
      options.log?.warn('timer sweep failed', { error: error instanceof Error ? error.message : String(error) });
    }
    await clock.sleep(intervalMs, signal).catch(() => undefined);
  }
}
