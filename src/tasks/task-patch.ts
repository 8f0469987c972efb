import { ErrorCode, OrchestraError } from '../core/errors.js';
import { isTaskStatus, taskStatuses, type Task } from './task.js';
import { normalizeDescription } from './front-matter.js';
import { validateSlug } from './task-slug.js';

/** The fields `TaskFiles.update` may change. `updatedAt` is always set to now. */
export type TaskPatch = Partial<Omit<Task, 'id' | 'file' | 'createdAt' | 'extra'>>;

const clearable = ['agent', 'branch', 'worktree', 'port', 'agentSession'] as const;

/**
 * `task` with `patch` applied and `updatedAt` = `now`. An optional field given as `undefined`
 * (`{ port: undefined }`) is cleared; a required one given as `undefined` is left alone.
 * Throws E_USAGE for a value that could not be written back as a valid task file.
 */
export function applyTaskPatch(task: Task, patch: TaskPatch, now: Date): Task {
  const next: Task = { ...task, extra: { ...task.extra } };
  if (patch.slug !== undefined) {
    validateSlug(patch.slug);
    next.slug = patch.slug;
  }
  if (patch.status !== undefined) {
    if (!isTaskStatus(patch.status)) throw usage(`unknown task status ${JSON.stringify(patch.status)}; allowed: ${taskStatuses.join(', ')}.`);
    next.status = patch.status;
  }
  if (patch.baseBranch !== undefined) next.baseBranch = nonEmpty('baseBranch', patch.baseBranch);
  if (patch.description !== undefined) next.description = normalizeDescription(patch.description);
  for (const key of clearable) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (value === undefined) delete next[key];
    else if (key === 'port') next.port = validPort(value);
    else next[key] = nonEmpty(key, value);
  }
  next.updatedAt = now.toISOString();
  return next;
}

function nonEmpty(field: string, value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw usage(`expected the task's ${field} to be a non-empty string, got ${JSON.stringify(value)}.`);
}

function validPort(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return value;
  throw usage(`expected the task's port to be an integer from 1 to 65535, got ${JSON.stringify(value)}.`);
}

function usage(message: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, message, { hint: 'Give a valid value; the task file was not changed.' });
}
