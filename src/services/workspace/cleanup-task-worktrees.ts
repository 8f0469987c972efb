import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { claimedTaskId } from '../../tasks/task-file-name.js';
import { readTaskEntries } from '../../tasks/read-task-entries.js';
import { canonicalPath } from '../../workspace/canonical-path.js';
import { uncommittedPaths } from '../../workspace/dirty-files.js';
import { worktreePathFor } from '../../workspace/worktree-path.js';
import { listWorktrees, removeWorktree } from '../../workspace/worktrees.js';
import { decideTaskWorktree } from './cleanup-rules.js';
import type { CleanupItem } from './cleanup-types.js';

export interface CleanupTaskWorktreesOptions {
  /** The project's main checkout. */
  projectRoot: string;
  /** ORCHESTRA_HOME, under which task worktrees live (worktree-path.ts). */
  home: string;
  force: boolean;
  dryRun: boolean;
}

/**
 * Removes the worktrees of tasks that are merged or whose task file is gone (`orchestra merge` and `rm`
 * normally remove them; a crash or a hand-deleted file can leave them). Only git-registered worktrees in
 * the project's own task folder are looked at; the task branches are never deleted here.
 */
export async function cleanupTaskWorktrees(o: CleanupTaskWorktreesOptions): Promise<{ removed: CleanupItem[]; kept: CleanupItem[] }> {
  const removed: CleanupItem[] = [];
  const kept: CleanupItem[] = [];
  const statuses = await taskStatusesById(o.projectRoot);
  const folder = await canonicalPath(dirname(worktreePathFor(o.home, o.projectRoot, 1, 'x')));
  for (const entry of await listWorktrees(o.projectRoot)) {
    const path = await canonicalPath(entry.path);
    if (dirname(path) !== folder) continue;
    const id = Number(/^(\d+)-/.exec(basename(path))?.[1]);
    if (!Number.isSafeInteger(id)) continue;
    const present = entry.prunable !== true && existsSync(path);
    const dirty = present ? (await uncommittedPaths(path)).length : 0;
    const decision = decideTaskWorktree({ taskStatus: statuses.get(id), dirty }, o.force);
    if (decision === undefined) continue;
    const item: CleanupItem = { kind: 'task', repo: o.projectRoot, task: basename(path), branches: [], worktrees: [path], reason: decision.reason };
    if (decision.action === 'keep') {
      kept.push(item);
      continue;
    }
    if (!o.dryRun) await removeWorktree({ root: o.projectRoot, path, force: o.force });
    removed.push(item);
  }
  return { removed, kept };
}

/** Task id → status; a task file that cannot be read still claims its id, as `unreadable` (never stale). */
async function taskStatusesById(projectRoot: string): Promise<Map<number, string>> {
  const statuses = new Map<number, string>();
  for (const entry of await readTaskEntries(join(projectRoot, '.orchestra', 'tasks'))) {
    const id = entry.task?.id ?? claimedTaskId(entry.name);
    if (id !== undefined) statuses.set(id, entry.task?.status ?? 'unreadable');
  }
  return statuses;
}
