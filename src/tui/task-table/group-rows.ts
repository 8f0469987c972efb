import type { TaskRow } from '../watch-source.js';

export interface ProjectGroup {
  projectRoot: string;
  projectName: string;
  rows: TaskRow[];
}

/** Identifies a task across projects: ids are only unique within one project. */
export function taskKey(row: Pick<TaskRow, 'projectRoot' | 'id'>): string {
  return `${row.projectRoot}#${row.id}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Projects by name (then root, for two checkouts with one name), tasks by id within each. */
export function groupRows(rows: readonly TaskRow[]): ProjectGroup[] {
  const byRoot = new Map<string, ProjectGroup>();
  for (const row of rows) {
    const group = byRoot.get(row.projectRoot) ?? { projectRoot: row.projectRoot, projectName: row.projectName, rows: [] };
    group.rows.push(row);
    byRoot.set(row.projectRoot, group);
  }
  const groups = [...byRoot.values()];
  for (const group of groups) group.rows.sort((a, b) => a.id - b.id);
  return groups.sort(
    (a, b) =>
      compareText(a.projectName.toLowerCase(), b.projectName.toLowerCase()) ||
      compareText(a.projectName, b.projectName) ||
      compareText(a.projectRoot, b.projectRoot),
  );
}

/** Tasks in display order: the order selection moves through. */
export function orderedRows(groups: readonly ProjectGroup[]): TaskRow[] {
  return groups.flatMap((group) => group.rows);
}
