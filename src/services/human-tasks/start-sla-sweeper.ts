import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { systemClock, type Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { EscalationNotifier } from '../../humans/sla/index.js';
import type { Store } from '../../store/store.js';
import { runTimerSweeper, type TimerHandler } from '../timers/index.js';
import { escalationTimerHandlers } from './escalation-handlers.js';

export interface SlaSweeperOptions {
  store: Store;
  notifier: EscalationNotifier;
  log?: Pick<Logger, 'warn'>;
  clock?: Clock;
  intervalMs?: number;
  /** Handlers of other timer kinds (a workflow's sleep()) to sweep along. */
  moreHandlers?: Readonly<Record<string, TimerHandler>>;
}

/**
 * Starts sweeping the store's timers with the SLA handlers: what the daemon (and later
 * `orchestra worker`) calls once at start, then `stop()` on shutdown. Every process gets its own
 * owner id, so the store can tell their claims apart.
 */
export function startSlaSweeper(options: SlaSweeperOptions): { owner: string; stop(): Promise<void> } {
  const controller = new AbortController();
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const handlers = { ...options.moreHandlers, ...escalationTimerHandlers(options) };
  const running = runTimerSweeper({
    store: options.store,
    clock: options.clock ?? systemClock,
    handlers,
    owner,
    signal: controller.signal,
    ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
    ...(options.log && { log: options.log }),
  });
  return {
    owner,
    stop() {
      controller.abort();
      return running;
    },
  };
}
