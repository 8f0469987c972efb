import type { TaskStatus, TaskView } from './types';

/*
 * The board's columns: the lifecycle from left to right (draft → running → idle or waiting for an
 * answer → completed → reviewed), then the tasks that left it: stopped or failed (they need a
 * person: start again or drop) and merged (done; kept for the record).
 */

export type ColumnId = 'draft' | 'running' | 'idle' | 'completed' | 'reviewed' | 'stopped' | 'merged';

export const boardColumns: ReadonlyArray<{ id: ColumnId; title: string }> = [
  { id: 'draft', title: 'Draft' },
  { id: 'running', title: 'Running' },
  { id: 'idle', title: 'Idle / needs input' },
  { id: 'completed', title: 'Completed' },
  { id: 'reviewed', title: 'Reviewed' },
  { id: 'stopped', title: 'Stopped / failed' },
  { id: 'merged', title: 'Merged' },
];

const columnOfStatus: Readonly<Record<TaskStatus, ColumnId>> = {
  draft: 'draft',
  running: 'running',
  idle: 'idle',
  completed: 'completed',
  reviewed: 'reviewed',
  stopped: 'stopped',
  failed: 'stopped',
  merged: 'merged',
};

/** A running task whose agent asks a question is where the questions are: idle / needs input. */
export function columnOf(task: Pick<TaskView, 'status' | 'needsInput'>): ColumnId {
  if (task.status === 'running' && task.needsInput) return 'idle';
  return columnOfStatus[task.status];
}

/** The tasks of each column: those waiting for an answer first, then the most recently changed. */
export function groupByColumn(tasks: readonly TaskView[]): Record<ColumnId, TaskView[]> {
  const groups = Object.fromEntries(boardColumns.map(({ id }) => [id, [] as TaskView[]])) as Record<ColumnId, TaskView[]>;
  for (const task of tasks) groups[columnOf(task)].push(task);
  for (const list of Object.values(groups)) list.sort((a, b) => Number(b.needsInput) - Number(a.needsInput) || b.updatedAt.localeCompare(a.updatedAt));
  return groups;
}
