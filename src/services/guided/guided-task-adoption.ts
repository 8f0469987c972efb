/**
 * What a step visit's ensureTask does with the task its slug names in the project (step-task.ts):
 * none there (a crash before it was made, or the first try) → create it, then start it; a draft (made,
 * never started, or its start cut short before the agent was recorded) → start it; any other status →
 * adopt it as it is: it runs (the daemon's recovery resumed it) or already ended, and starting it
 * again would be a second agent, or would undo a stop someone chose.
 */
export type TaskAdoption = 'create' | 'start' | 'adopt';

export function taskAdoption(task: { status: string } | undefined): TaskAdoption {
  if (task === undefined) return 'create';
  return task.status === 'draft' ? 'start' : 'adopt';
}
