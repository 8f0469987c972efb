import type { FeedEvent } from '../lib/use-events';
import type { TaskStatus, TaskView } from './types';

/** The task events of the feed (docs/api.md "Events", kind `task`). */
export const taskEventTypes = ['task.created', 'task.status', 'task.activity', 'task.edited', 'task.removed'] as const;

/**
 * A task event applied to the tasks shown: a status or activity change moves the task in place (the
 * event says all of it); anything else (created, edited, removed, or a task not shown yet) asks for
 * the project's list again (`reload`). Applying an event the list already shows changes nothing
 * more (the board's stream may bring events of changes its lists were read after: use-events.ts).
 */
export function applyTaskEvent(tasks: readonly TaskView[], event: FeedEvent): { tasks: readonly TaskView[]; reload?: string } {
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
