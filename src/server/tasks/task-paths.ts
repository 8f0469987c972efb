import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { Task } from '../../tasks/index.js';

/** A folder name for a project under the Orchestra home: readable and unique. */
export function projectKey(projectRoot: string): string {
  const hash = createHash('sha256').update(projectRoot).digest('hex').slice(0, 8);
  return `${basename(projectRoot)}-${hash}`;
}

/** The agent's raw terminal output, kept after it exits, for `orchestra logs`. */
export function taskLogFile(home: string, projectRoot: string, task: Pick<Task, 'id'>): string {
  return join(home, 'logs', projectKey(projectRoot), `task-${task.id}.log`);
}

/** A folder of the task's own for files its agent's launch writes (the Opencode plugin), per project. */
export function agentStateDir(home: string, projectRoot: string, task: Pick<Task, 'id'>): string {
  return join(home, 'daemon', 'agents', `${projectKey(projectRoot)}-${task.id}`);
}
