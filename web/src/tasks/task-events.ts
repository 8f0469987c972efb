import type { FeedEvent } from '../lib/use-events';
import type { TaskStatus, TaskView } from './types';

/** The task events of the feed (docs/api.md "Events", kind `task`). */
export const taskEventTypes = ['task.created', 'task.status', 'task.activity', 'task.edited', 'task.removed'] as const;

/**
 * A task event applied to the tasks shown: a status or activity change moves the task in place (the
 * event says all of it); anything else (created, edited, removed, or a task not shown yet) asks for
 * the project's list again (`reload`). The feed replays its history to a new stream: an event from
 * before `since` (when the lists were read) is in them already, and is passed over.
 */
export function applyTaskEvent(tasks: readonly TaskView[], event: FeedEvent, since = 0): { tasks: readonly TaskView[]; reload?: string } {
  if (event.at < since) return { tasks };
  const project = typeof event.data.project === 'string' ? event.data.project : undefined;
  const taskId = event.data.taskId;
  const at = tasks.findIndex((task) => task.id === taskId && task.projectRoot === project);
  const current = tasks[at];
  if (current === undefined || (event.type !== 'task.status' && event.type !== 'task.activity')) return project === undefined ? { tasks } : { tasks, reload: project };
  const next: TaskView = { ...current, updatedAt: new Date(event.at).toISOString() };
  if (typeof event.data.status === 'string') next.status = event.data.status as TaskStatus;
  if (event.type === 'task.activity') {
    next.activity = event.data.activity as TaskView['activity'];
    next.needsInput = event.data.needsInput === true;
  }
  return { tasks: tasks.map((task, index) => (index === at ? next : task)) };
}
