import type { TaskRow } from '../watch-source.js';

export interface StatusStyle {
  label: string;
  color?: 'green' | 'yellow' | 'magenta' | 'blue' | 'gray' | 'red';
  bold?: boolean;
  dim?: boolean;
}

const BY_STATUS = {
  draft: { label: 'draft', dim: true },
  running: { label: 'running', color: 'green' },
  idle: { label: 'idle', color: 'yellow' },
  completed: { label: 'completed', color: 'blue' },
  reviewed: { label: 'reviewed', color: 'gray' },
  stopped: { label: 'stopped', color: 'red' },
  failed: { label: 'failed', color: 'red' },
  merged: { label: 'merged', color: 'gray' },
} as const satisfies Record<TaskRow['status'], StatusStyle>;

const NEEDS_INPUT: StatusStyle = { label: 'needs input', color: 'magenta', bold: true };

/** The widest label, so the status column never jitters as tasks change state. */
export const STATUS_LABEL_WIDTH = Math.max(NEEDS_INPUT.label.length, ...Object.values(BY_STATUS).map((s) => s.label.length));

export function needsInput(row: TaskRow): boolean {
  return row.activity === 'waiting';
}

/** An agent process exists for the task, so attaching has something to show. */
/** A live agent (its activity is known) can be attached to in any status: feedback on a completed task, say. */
export function canAttach(row: TaskRow): boolean {
  return row.activity !== undefined || isWorkingStatus(row);
}

function isWorkingStatus(row: TaskRow): boolean {
  return row.status === 'running' || row.status === 'idle';
}

/**
 * Waiting for input wins over everything: it is what the table is for. Otherwise a live agent's
 * activity is fresher than the status in the task file.
 */
export function statusStyle(row: TaskRow): StatusStyle {
  if (needsInput(row)) return NEEDS_INPUT;
  if (isWorkingStatus(row) && row.activity === 'working') return BY_STATUS.running;
  if (isWorkingStatus(row) && row.activity === 'idle') return BY_STATUS.idle;
  return BY_STATUS[row.status] ?? { label: String(row.status) };
}
