import { ErrorCode, OrchestraError } from '../core/errors.js';
import { TaskStatus, taskStatuses, type Task } from './task.js';

/**
 * How a task's status may change (seed 002, plus `stopped` and `failed`):
 *
 * ```text
 *   draft ──start──▶ running ◀──activity──▶ idle
 *     │              └──────────┬─────────────┘
 *     │                         ├── complete ─────────▶ completed ──review──▶ reviewed
 *     │                         ├── stop / agent exit ▶ stopped
 *     │                         └── failed to start ──▶ failed
 *     └── setup failed ───────────────────────────────▶ failed
 *
 *   completed, reviewed ──feedback─────▶ running / idle
 *   stopped, failed     ──start again──▶ running / idle
 *   stopped, failed     ──complete─────▶ completed      (stopped → reviewed: complete first)
 *   any started task    ──merge────────▶ merged ──start again (feedback)──▶ running / idle
 * ```
 *
 * - draft → running (start); draft → failed (setup failed at the first start).
 * - running ↔ idle (activity detection); running/idle → completed (complete).
 * - running/idle → stopped (stop, or the agent exited); → failed (setup or the agent failed to start).
 * - completed → running/idle (feedback after completion); completed → reviewed (review).
 * - reviewed → running/idle (feedback after review).
 * - stopped/failed → running/idle (start again) and → completed. stopped → reviewed is not
 *   allowed: complete it first.
 * - running/idle/completed/reviewed/stopped/failed → merged (merge); merged → running/idle (start again).
 * - Any status → itself is a no-op and always allowed.
 */
const allowedMoves: Record<TaskStatus, readonly TaskStatus[]> = {
  draft: [TaskStatus.running, TaskStatus.failed],
  running: [TaskStatus.idle, TaskStatus.completed, TaskStatus.stopped, TaskStatus.failed, TaskStatus.merged],
  idle: [TaskStatus.running, TaskStatus.completed, TaskStatus.stopped, TaskStatus.failed, TaskStatus.merged],
  completed: [TaskStatus.running, TaskStatus.idle, TaskStatus.reviewed, TaskStatus.merged],
  reviewed: [TaskStatus.running, TaskStatus.idle, TaskStatus.merged],
  stopped: [TaskStatus.running, TaskStatus.idle, TaskStatus.completed, TaskStatus.merged],
  failed: [TaskStatus.running, TaskStatus.idle, TaskStatus.completed, TaskStatus.merged],
  merged: [TaskStatus.running, TaskStatus.idle],
};

/**
 * The statuses from which `start` may launch an agent. For completed and reviewed tasks this is
 * "give feedback": the agent resumes its session.
 */
export const startableStatuses: readonly TaskStatus[] = [TaskStatus.draft, TaskStatus.stopped, TaskStatus.failed, TaskStatus.completed, TaskStatus.reviewed, TaskStatus.merged];

/** Whether a task may go from `from` to `to`. */
export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return from === to || allowedMoves[from].includes(to);
}

/** The statuses a task in `from` may move to, in lifecycle order. */
export function nextStatuses(from: TaskStatus): TaskStatus[] {
  return taskStatuses.filter((status) => allowedMoves[from].includes(status));
}

/** Throws E_TASK_STATE when `task` may not move to `to`, saying what is possible instead. */
export function assertTransition(task: Task, to: TaskStatus): void {
  if (canTransition(task.status, to)) return;
  const from = task.status;
  const hint =
    to === TaskStatus.reviewed
      ? `Only a completed task can be reviewed: complete it first (orchestra complete ${task.id}).`
      : `From ${from} a task can become ${orList(nextStatuses(from))}.`;
  throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id}:${task.slug} is ${from}; it cannot become ${to} (${from} → ${to} is not allowed).`, { hint });
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
