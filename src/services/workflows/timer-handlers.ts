import type { Clock } from '../../core/clock.js';
import type { Store } from '../../store/store.js';
import { fireWorkflowTimer, workflowWakeKind } from '../../workflows/runtime/index.js';
import { systemScopeFor } from '../auth/index.js';
import type { TimerHandler } from '../timers/index.js';

/**
 * The handler of `workflow.wake` timers (a sleep() or a waitForSignal timeout coming due): wakes
 * the instance in its tenant, which makes it runnable for any worker. Every process that sweeps
 * timers (the daemon, `orchestra worker`) sweeps with it beside the SLA handlers: a sweeper claims
 * due timers of every kind, so each one must know each kind, or a timer it claimed would wait for
 * its claim to lapse.
 */
export function workflowTimerHandlers(store: Store, clock: Pick<Clock, 'now' | 'sleep'>): Record<string, TimerHandler> {
  return {
    [workflowWakeKind]: (timer, firing) => fireWorkflowTimer({ store, scope: systemScopeFor(timer.tenant), clock }, timer, firing.owner),
  };
}
