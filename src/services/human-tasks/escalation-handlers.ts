import { EscalationEvents, HumanTaskTimerKinds, isDueSoonNews, planEscalation, planReminder, type EscalationEvent, type EscalationNotifier } from '../../humans/sla/index.js';
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
 * - `human-task.due-soon` (set with the task, src/humans/sla/timer-kinds.ts) hands the `due_soon`
 *   notice over the same way, unless the task is no longer waiting or already due.
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
        const channels = channelsOf(timer.payload);
        await deps.notifier.notify({ event, task, step: Number(timer.payload.step), key: `${timer.tenant}:${timer.id}`, ...(channels.length > 0 && { channels }) });
      }
      return deps.store.completeTimer(timer, owner, now);
    },
    // Like notify: handed over (at least once, keyed), then marked fired; nothing for a task done or overdue.
    [HumanTaskTimerKinds.dueSoon]: async function notifyDueSoon(timer, { owner, now }) {
      const task = await deps.store.getHumanTask(systemScopeFor(timer.tenant), timer.subjectId);
      if (isDueSoonNews(task, now)) await deps.notifier.notify({ event: 'due_soon', task, step: -1, key: `${timer.tenant}:${timer.id}` });
      return deps.store.completeTimer(timer, owner, now);
    },
  };
}

/** The step's channels: `channels` now; `channel` in a timer stored before there could be several. */
function channelsOf(payload: Timer['payload']): string[] {
  const listed = Array.isArray(payload.channels) ? payload.channels : [payload.channel];
  return listed.filter((channel): channel is string => typeof channel === 'string');
}
