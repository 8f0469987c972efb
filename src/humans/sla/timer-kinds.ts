import type { HumanTask } from '../../store/human-task-types.js';
import type { NewTimer } from '../../store/timer-types.js';
import type { EscalationEvent } from './escalation-notifier.js';

/*
 * The timers an SLA sets, with ids made from what they are for: scheduling one twice keeps the
 * first (the store ignores a known id), so replanning after a crash cannot double anything.
 */

export const HumanTaskTimerKinds = {
  escalation: 'human-task.escalation',
  reminder: 'human-task.reminder',
  notify: 'human-task.notify',
} as const;

/** Step `index` of the task's chain, due at creation + its `after`. */
export function escalationTimer(task: Pick<HumanTask, 'id' | 'createdAt' | 'escalationChain'>, index: number, now: number): NewTimer | undefined {
  const step = task.escalationChain?.[index];
  if (!step) return undefined;
  return { id: `esc:${task.id}:${index}`, kind: HumanTaskTimerKinds.escalation, subjectId: task.id, dueAt: task.createdAt + step.afterMs, payload: { step: index }, createdAt: now };
}

/** The `count`-th repeat of step `index`'s reminder. */
export function reminderTimer(taskId: string, index: number, count: number, dueAt: number, now: number): NewTimer {
  return { id: `rem:${taskId}:${index}:${count}`, kind: HumanTaskTimerKinds.reminder, subjectId: taskId, dueAt, payload: { step: index, count }, createdAt: now };
}

/** A notice to hand to the notifier as soon as possible; its id is the notice's key. */
export function notifyTimer(taskId: string, event: EscalationEvent, index: number, suffix: string, now: number, channel?: string): NewTimer {
  const id = `ntf:${taskId}:${index}:${event}:${suffix}${channel === undefined ? '' : `:${channel}`}`;
  return { id, kind: HumanTaskTimerKinds.notify, subjectId: taskId, dueAt: now, payload: { event, step: index, ...(channel !== undefined && { channel }) }, createdAt: now };
}

/** What a new task schedules with itself: its chain's first step. */
export function firstTimers(task: Pick<HumanTask, 'id' | 'createdAt' | 'escalationChain'>, now: number): NewTimer[] {
  const first = escalationTimer(task, 0, now);
  return first ? [first] : [];
}
