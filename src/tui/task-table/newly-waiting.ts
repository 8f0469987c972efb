import type { TaskRow } from '../watch-source.js';
import { taskKey } from './group-rows.js';

export type ActivityByTask = ReadonlyMap<string, TaskRow['activity']>;

export function activityByTask(rows: readonly TaskRow[]): ActivityByTask {
  return new Map(rows.map((row) => [taskKey(row), row.activity]));
}

/**
 * Tasks that started waiting for input since the `previous` listing. Without a previous listing
 * nothing counts as new: opening the table is not an event worth a bell (the header counts them).
 */
export function newlyWaiting(previous: ActivityByTask | undefined, rows: readonly TaskRow[]): TaskRow[] {
  if (previous === undefined) return [];
  return rows.filter((row) => row.activity === 'waiting' && previous.get(taskKey(row)) !== 'waiting');
}
