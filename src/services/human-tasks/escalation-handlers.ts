import { EscalationEvents, HumanTaskTimerKinds, planEscalation, planReminder, type EscalationEvent, type EscalationNotifier } from '../../humans/sla/index.js';
import type { HumanTaskTimerOutcome } from '../../store/human-task-timers.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { HumanTaskTimerStore } from '../../store/human-task-timers.js';
import type { HumanTaskStore } from '../../store/human-tasks.js';
import type { Timer } from '../../store/timer-types.js';
import type { TimerStore } from '../../store/timers.js';
import { systemScopeFor } from '../auth/local-scope.js';
import type { TimerHandler } from '../timers/run-due-timers.js';

export interface EscalationHandlerDeps {
  store: HumanTaskStore & TimerStore & HumanTaskTimerStore;
  notifier: EscalationNotifier;
}

/**
 * The timer handlers of human-task SLAs, for runDueTimers / runTimerSweeper:
 *
 * - `human-task.escalation` and `human-task.reminder` change the task (and set the next timers and
 *   notices) in the same store transaction that marks the timer fired: exactly once, however many
 *   processes sweep and whichever of them dies (fireHumanTaskTimer).
 * - `human-task.notify` hands one notice to the notifier, then marks the timer fired: a process that
 *   dies between the two makes the notice go out again after the lease (at least once, with the
 *   same `key`, so an outbox keyed on it stores it once).
 *
 * The timer row carries its tenant; the system acts in it (systemScopeFor).
 */
export function escalationTimerHandlers(deps: EscalationHandlerDeps): Record<string, TimerHandler> {
  const fireWith = (plan: (task: HumanTask | undefined, timer: Timer, now: number) => HumanTaskTimerOutcome): TimerHandler =>
    async function fireHumanTaskTimer(timer, { owner, now }) {
      const result = await deps.store.fireHumanTaskTimer(systemScopeFor(timer.tenant), timer, owner, now, (task) => plan(task, timer, now));
      return result.fired;
    };
  return {
    [HumanTaskTimerKinds.escalation]: fireWith(planEscalation),
    [HumanTaskTimerKinds.reminder]: fireWith(planReminder),
    [HumanTaskTimerKinds.notify]: async function notifyEscalation(timer, { owner, now }) {
      const task = await deps.store.getHumanTask(systemScopeFor(timer.tenant), timer.subjectId);
      const event = timer.payload.event as EscalationEvent;
      if (task && EscalationEvents.includes(event)) {
        const channel = timer.payload.channel;
        await deps.notifier.notify({ event, task, step: Number(timer.payload.step), key: `${timer.tenant}:${timer.id}`, ...(typeof channel === 'string' && { channel }) });
      }
      return deps.store.completeTimer(timer, owner, now);
    },
  };
}
