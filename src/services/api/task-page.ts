import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TaskStatus, TaskView } from '../../tasks/index.js';

/**
 * One page of a project's tasks (sorted by id), for `tasks.list`. The cursor is the last id given:
 * ids are never reused, so a task created or removed between pages neither repeats nor hides another.
 */
export function taskPage(tasks: readonly TaskView[], page: { limit: number; cursor?: string; status?: TaskStatus }): { items: TaskView[]; nextCursor?: string } {
  const after = page.cursor === undefined ? 0 : cursorId(page.cursor);
  const rest = tasks.filter((task) => task.id > after && (page.status === undefined || task.status === page.status));
  const items = rest.slice(0, page.limit);
  const last = items.at(-1);
  return rest.length > page.limit && last !== undefined ? { items, nextCursor: String(last.id) } : { items };
}

function cursorId(cursor: string): number {
  if (/^\d{1,15}$/.test(cursor)) return Number(cursor);
  throw new OrchestraError(ErrorCode.USAGE, `cursor: ${JSON.stringify(cursor)} is not a cursor tasks.list gave.`, {
    hint: 'Pass the nextCursor of the previous page, or no cursor for the first page.',
  });
}
