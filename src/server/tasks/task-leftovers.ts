import { rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Task } from '../../tasks/index.js';
import { agentStateDir } from './task-paths.js';

/**
 * After `rm` or `merge`: the task's own daemon folder goes, and so does each folder that held only
 * this task's things (the project's worktree folder, its log folder, `daemon/agents`) once empty.
 * `dirs` are the task's worktree or log file whose parent may now be empty. Never fails the command:
 * a folder still in use simply stays.
 */
export async function removeTaskLeftovers(home: string, projectRoot: string, task: Pick<Task, 'id'>, dirs: readonly string[]): Promise<void> {
  const stateDir = agentStateDir(home, projectRoot, task);
  await rm(stateDir, { recursive: true, force: true }).catch(() => undefined);
  for (const parent of [dirname(stateDir), ...dirs.map((dir) => dirname(dir))]) await removeIfEmpty(parent);
}

async function removeIfEmpty(dir: string): Promise<void> {
  // rmdir refuses a folder that is not empty (ENOTEMPTY) or gone (ENOENT): both mean leave it.
  await rmdir(dir).catch(() => undefined);
}
