import type { TaskRow } from '../watch-source.js';
import { taskKey, type ProjectGroup } from './group-rows.js';

export type TableLine = { kind: 'project'; group: ProjectGroup } | { kind: 'task'; row: TaskRow; key: string };

/** The table body as lines: each project's line, then its tasks. */
export function tableLines(groups: readonly ProjectGroup[]): TableLine[] {
  return groups.flatMap((group): TableLine[] => [
    { kind: 'project', group },
    ...group.rows.map((row): TableLine => ({ kind: 'task', row, key: taskKey(row) })),
  ]);
}

/** The line to keep in view: the selected task, or, above the first task, its project line. */
export function focusLine(lines: readonly TableLine[], selectedKey: string | undefined): number {
  const index = lines.findIndex((line) => line.kind === 'task' && line.key === selectedKey);
  // Keep the project line of the first task visible when it is selected.
  return index === 1 ? 0 : Math.max(index, 0);
}
