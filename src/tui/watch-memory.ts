import type { ActivityByTask } from './task-table/newly-waiting.js';
import type { Selection } from './task-table/selection.js';
import type { TaskRow } from './watch-source.js';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

/** What the table keeps while it is away for an attach, so it comes back as the user left it. */
export interface WatchMemory {
  selection: Selection;
  rows?: TaskRow[];
  // Without it, every task that waited before the attach would ring the bell again after it.
  activities?: ActivityByTask;
  notice?: Notice;
}

/** Why the app ended: the user quit, or wants to attach to `row` and come back. */
export type WatchLeave = { kind: 'quit' } | { kind: 'attach'; row: TaskRow; memory: WatchMemory };

export function taskLabel(row: TaskRow): string {
  return `${row.id}:${row.slug}`;
}
