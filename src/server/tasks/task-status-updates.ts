import type { Activity } from '../../sessions/index.js';
import { assertTransition, canTransition, type Task, type TaskStatus } from '../../tasks/index.js';
import type { LiveAgent } from './live-agent.js';
import type { ServiceContext } from './service-context.js';

/** Moves a task to `to` if the rules allow it, writes the file and announces the change. */
export async function setTaskStatus(ctx: ServiceContext, projectRoot: string, task: Task, to: TaskStatus, patch: Partial<Task> = {}): Promise<Task> {
  assertTransition(task, to);
  const updated = await ctx.files(projectRoot).update(task.id, { ...patch, status: to });
  if (to !== task.status) ctx.emit({ projectRoot, taskId: task.id, slug: task.slug, kind: 'status', status: to, previousStatus: task.status });
  return updated;
}

/**
 * The status an agent's activity implies, or undefined to leave it. A completed or reviewed task
 * goes back to running only on real feedback (input typed by a user, or a hook saying so): a
 * redraw after a resize is output too, and must not reopen a finished task.
 */
export function statusForActivity(current: TaskStatus, activity: Activity, feedback: boolean): TaskStatus | undefined {
  if (current === 'completed' || current === 'reviewed' || current === 'merged') return activity === 'working' && feedback ? 'running' : undefined;
  if (current !== 'running' && current !== 'idle') return undefined;
  const next: TaskStatus = activity === 'working' ? 'running' : 'idle';
  return next === current ? undefined : next;
}

/** Applies an activity change of a live agent to its task file. Failures are logged, never thrown. */
export async function applyActivity(ctx: ServiceContext, agent: LiveAgent, activity: Activity, feedback: boolean): Promise<void> {
  const { projectRoot, taskId } = agent;
  try {
    const task = await ctx.files(projectRoot).get(taskId);
    ctx.emit({ projectRoot, taskId, slug: task.slug, kind: 'activity', activity, needsInput: activity === 'waiting' });
    const next = statusForActivity(task.status, activity, feedback);
    if (next !== undefined && canTransition(task.status, next)) await setTaskStatus(ctx, projectRoot, task, next);
  } catch (error) {
    ctx.options.log.warn('could not record an agent activity', { projectRoot, taskId, activity, error: (error as Error).message });
  }
}
