import { defaultDueSoon, type DueSoonRule } from '../../config/notifications-types.js';
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
  dueSoon: 'human-task.due-soon',
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

/**
 * A notice to hand to the notifier as soon as possible; its id is the notice's key. One per notice,
 * however many channels: the notifier adds `channels` to what the routing rules pick, once each.
 */
export function notifyTimer(taskId: string, event: EscalationEvent, index: number, suffix: string, now: number, channels?: readonly string[]): NewTimer {
  const id = `ntf:${taskId}:${index}:${event}:${suffix}`;
  const payload = { event, step: index, ...(channels !== undefined && channels.length > 0 && { channels: [...channels] }) };
  return { id, kind: HumanTaskTimerKinds.notify, subjectId: taskId, dueAt: now, payload, createdAt: now };
}

/**
 * The task's one `due_soon` notice, when `rule` puts it strictly between creation and the due time
 * (a lead longer than the whole SLA sends none: the `created` notice already says when it is due).
 */
export function dueSoonTimer(task: Pick<HumanTask, 'id' | 'createdAt' | 'dueAt'>, rule: DueSoonRule, now: number): NewTimer | undefined {
  if (task.dueAt === undefined) return undefined;
  const at = 'fraction' in rule ? Math.round(task.createdAt + rule.fraction * (task.dueAt - task.createdAt)) : task.dueAt - rule.beforeMs;
  if (!(at > task.createdAt && at < task.dueAt)) return undefined;
  return { id: `due:${task.id}`, kind: HumanTaskTimerKinds.dueSoon, subjectId: task.id, dueAt: at, payload: {}, createdAt: now };
}

/** What a new task schedules with itself: its chain's first step, and its due-soon notice. */
export function firstTimers(task: Pick<HumanTask, 'id' | 'createdAt' | 'escalationChain' | 'dueAt'>, now: number, dueSoon: DueSoonRule = defaultDueSoon): NewTimer[] {
  return [escalationTimer(task, 0, now), dueSoonTimer(task, dueSoon, now)].filter((timer): timer is NewTimer => timer !== undefined);
}

/** Whether a due-soon timer firing at `now` still has news: the task waits and is not yet due. */
export function isDueSoonNews(task: Pick<HumanTask, 'status' | 'dueAt'> | undefined, now: number): task is HumanTask {
  return task !== undefined && (task.status === 'open' || task.status === 'claimed') && (task.dueAt === undefined || now < task.dueAt);
}
