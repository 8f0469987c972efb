import { realpathSync } from 'node:fs';
import { isAbsolute, sep } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TaskView } from '../../tasks/index.js';
import type { ApiDeps } from './deps.js';

/**
 * The task whose worktree holds `dir` (the worktree itself or a folder in it), among the tasks of
 * the projects this process serves: how an agent running in a task finds its own task knowing only
 * its working directory. Only task files are read (no git runs in `dir`), and only known projects'.
 */
export async function taskOfWorktree(deps: Pick<ApiDeps, 'projects' | 'tasks'>, dir: string): Promise<TaskView> {
  const wanted = isAbsolute(dir) ? realPath(dir) : undefined;
  if (wanted !== undefined) {
    for (const root of deps.projects.list()) {
      // A project whose tasks cannot be read now holds no worktree for this caller; the others still may.
      const { tasks } = await deps.tasks.list(root).catch(() => ({ tasks: [] }));
      const task = tasks.find((candidate) => candidate.worktree !== undefined && holds(realPath(candidate.worktree) ?? candidate.worktree, wanted));
      if (task !== undefined) return task;
    }
  }
  throw new OrchestraError(ErrorCode.TASK_NOT_FOUND, `no task of the projects this Orchestra serves has its worktree at ${JSON.stringify(dir)}.`, {
    hint: 'Pass the absolute path of the task worktree (your working directory, $ORCHESTRA_WORKTREE in a task), or project and ref.',
  });
}

function holds(parent: string, path: string): boolean {
  return path === parent || path.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
