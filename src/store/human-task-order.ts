import type { HumanTask, HumanTaskFilter } from './human-task-types.js';
import { badCursorError } from './store-errors.js';

/*
 * The listing order and its cursor, shared by every store: by due time (tasks without one last),
 * then creation time, then id. The overdue are the earliest due, so they come first. A cursor is
 * the sort key of a page's last task, so pages stay stable while tasks are added or answered.
 */

/** [no due time (0|1), due time (0 when none), created at, id] */
export type HumanTaskSortKey = [number, number, number, string];

export const defaultPageSize = 100;
export const maxPageSize = 1000;

export function sortKeyOf(task: Pick<HumanTask, 'dueAt' | 'createdAt' | 'id'>): HumanTaskSortKey {
  return [task.dueAt === undefined ? 1 : 0, task.dueAt ?? 0, task.createdAt, task.id];
}

export function compareSortKeys(a: HumanTaskSortKey, b: HumanTaskSortKey): number {
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0;
}

export function encodeCursor(key: HumanTaskSortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): HumanTaskSortKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursorError(cursor);
  }
  const valid = Array.isArray(key) && key.length === 4 && key.slice(0, 3).every((part) => typeof part === 'number' && Number.isFinite(part)) && typeof key[3] === 'string';
  if (!valid) throw badCursorError(cursor);
  return key as HumanTaskSortKey;
}

export function pageSize(filter: HumanTaskFilter): number {
  const limit = filter.limit ?? defaultPageSize;
  return Math.min(maxPageSize, Math.max(1, Math.floor(limit)));
}

/** The filter's test for one task (the memory store; SQLite says the same in SQL). */
export function matchesHumanTaskFilter(task: HumanTask, filter: HumanTaskFilter): boolean {
  if (filter.status && !filter.status.includes(task.status)) return false;
  if (filter.dueBefore !== undefined && (task.dueAt === undefined || task.dueAt > filter.dueBefore)) return false;
  const to = filter.assignedTo;
  if (!to) return true;
  if (!task.assignee) return to.unassigned === true;
  const ids = task.assignee.kind === 'user' ? to.users : to.groups;
  return ids?.includes(task.assignee.id) ?? false;
}
