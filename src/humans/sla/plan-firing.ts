import type { HumanTaskTimerOutcome } from '../../store/human-task-timers.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { NewTimer, Timer } from '../../store/timer-types.js';
import { applyEscalation } from './apply-escalation.js';
import { escalationTimer, notifyTimer, reminderTimer } from './timer-kinds.js';

/*
 * The decide() functions the sweeper hands to store.fireHumanTaskTimer: pure, run on the task as
 * stored inside the transaction that also marks the timer fired. What they return (the change, the
 * next timers, the notify timers) is written in that one transaction: all of it, once, or nothing.
 */

const live = (task: HumanTask | undefined): task is HumanTask => task !== undefined && (task.status === 'open' || task.status === 'claimed');

/**
 * An escalation timer: apply its step (if still due), set the next step, the reminders and the
 * notices. Every step that fires sends one `escalated` notice, routed by the rules and also to the
 * step's `notify` channels, whatever else it does (a step that only reassigns or raises the priority
 * is news too). A final step that cancels or answers by default also sends `cancelled` or `completed`.
 */
export function planEscalation(task: HumanTask | undefined, timer: Pick<Timer, 'payload'>, now: number): HumanTaskTimerOutcome {
  const index = Number(timer.payload.step);
  if (!live(task)) return {};
  const change = applyEscalation(task, index, now);
  const step = task.escalationChain?.[index];
  if (!change || !step) return {};
  const schedule: NewTimer[] = [notifyTimer(task.id, 'escalated', index, 'step', now, step.notify)];
  if (step.final?.kind === 'cancel') schedule.push(notifyTimer(task.id, 'cancelled', index, 'final', now));
  if (step.final?.kind === 'answer') schedule.push(notifyTimer(task.id, 'completed', index, 'final', now));
  if (step.final) return { change, schedule };
  const next = escalationTimer(task, index + 1, now);
  if (next) schedule.push(next);
  if (step.remind) {
    schedule.push(notifyTimer(task.id, 'reminder', index, '0', now));
    if (step.remind.everyMs !== undefined) schedule.push(reminderTimer(task.id, index, 1, now + step.remind.everyMs, now));
  }
  return { change, schedule };
}

/**
 * A reminder timer: remind again, and set the one after, while the task waits and no later step
 * has taken over the reminding. A reminder late by several periods reminds once, not once per period.
 */
export function planReminder(task: HumanTask | undefined, timer: Pick<Timer, 'payload'>, now: number): HumanTaskTimerOutcome {
  const index = Number(timer.payload.step);
  const count = Number(timer.payload.count);
  if (!live(task) || activeReminder(task) !== index) return {};
  const everyMs = task.escalationChain?.[index]?.remind?.everyMs;
  const schedule = [notifyTimer(task.id, 'reminder', index, String(count), now)];
  if (everyMs !== undefined) schedule.push(reminderTimer(task.id, index, count + 1, now + everyMs, now));
  return { schedule };
}

/** The last fired step that reminds: it alone keeps reminding. */
export function activeReminder(task: Pick<HumanTask, 'escalation' | 'escalationChain'>): number | undefined {
  const chain = task.escalationChain ?? [];
  for (let index = Math.min(task.escalation.step, chain.length) - 1; index >= 0; index--) if (chain[index]?.remind) return index;
  return undefined;
}
