import type { Task } from '../../tasks/index.js';

/** The variables the setup script and the agent see (documented in docs/tasks.md). */
export function taskEnvironment(task: Task, projectRoot: string, home: string): Record<string, string> {
  return {
    ORCHESTRA_TASK_ID: String(task.id),
    ORCHESTRA_TASK_SLUG: task.slug,
    ORCHESTRA_WORKTREE: task.worktree ?? '',
    ORCHESTRA_BASE_BRANCH: task.baseBranch,
    ORCHESTRA_PROJECT_ROOT: projectRoot,
    ORCHESTRA_PORT: task.port === undefined ? '' : String(task.port),
    ORCHESTRA_HOME: home,
  };
}

/** The first prompt an agent gets: the task's description, which is what the user wrote. */
export function taskPrompt(task: Task): string {
  const body = task.description.trim();
  return body.length > 0 ? body : `Work on the task "${task.slug}" in this repository.`;
}
