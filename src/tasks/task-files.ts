import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ErrorCode, isOrchestraError, OrchestraError } from '../core/errors.js';
import { normalizeDescription } from './front-matter.js';
import type { Task } from './task.js';
import { formatTaskFile, parseTaskFile } from './task-file.js';
import { claimedTaskId, claimedTaskSlug, isTaskFileCandidate, nextTaskId, taskFileName } from './task-file-name.js';
import { replaceTaskFile, writeNewTaskFile } from './task-file-write.js';
import { readTaskIdMark, writeTaskIdMark } from './task-id-mark.js';
import { withTaskLock, type TaskLockOptions } from './task-lock.js';
import { applyTaskPatch, type TaskPatch } from './task-patch.js';
import { resolveTaskRef } from './task-ref.js';
import { validateSlug } from './task-slug.js';
import { readTaskEntries, readTaskNames, type TaskEntry } from './read-task-entries.js';

/** The tasks of a project, and the malformed task files (each error carries its file:line:column). */
export interface TaskListing {
  tasks: Task[];
  problems: OrchestraError[];
}

export interface TaskFilesOptions {
  now?: () => Date;
  lock?: TaskLockOptions;
}

export interface CreateTaskInput {
  slug: string;
  description: string;
  baseBranch: string;
  agent?: string;
}

/**
 * The task files of one project, `<projectRoot>/.orchestra/tasks/<id>:<slug>.md`, which are the
 * source of truth: every read goes to the disk, so hand edits are picked up. Writes are atomic;
 * id allocation and read-modify-write run under `.orchestra/tasks/.lock`, so several processes
 * (daemon, CLI, MCP) can share a project.
 *
 * @example const task = await new TaskFiles(root).create({ slug: 'fix-tests', description: 'Fix it.', baseBranch: 'main' });
 */
export class TaskFiles {
  readonly dir: string;
  private readonly now: () => Date;
  private readonly lock: TaskLockOptions;

  constructor(projectRoot: string, options: TaskFilesOptions = {}) {
    this.dir = join(resolve(projectRoot), '.orchestra', 'tasks');
    this.now = options.now ?? (() => new Date());
    this.lock = options.lock ?? {};
  }

  /** Every task sorted by id, and the files that could not be read. A missing directory is an empty listing. */
  async list(): Promise<TaskListing> {
    const entries = await readTaskEntries(this.dir);
    return {
      tasks: entries.flatMap((entry) => (entry.task ? [entry.task] : [])).sort((a, b) => a.id - b.id),
      problems: entries.flatMap((entry) => (entry.problem ? [entry.problem] : [])),
    };
  }

  /** The task `ref` names (id, slug, `<id>:<slug>`); a malformed file it names throws its E_TASK_FILE error. */
  async get(ref: string | number): Promise<Task> {
    const entries = await readTaskEntries(this.dir);
    try {
      return resolveTaskRef(entries.flatMap((entry) => (entry.task ? [entry.task] : [])), String(ref));
    } catch (error) {
      const broken = isOrchestraError(error) && error.code === ErrorCode.TASK_NOT_FOUND ? entries.find((entry) => entry.problem && namesEntry(entry, String(ref))) : undefined;
      throw broken?.problem ?? error;
    }
  }

  /** A new draft task with an id never used in this project. Throws E_USAGE for a bad or already used slug. */
  async create(input: CreateTaskInput): Promise<Task> {
    validateSlug(input.slug);
    const baseBranch = input.baseBranch.trim();
    if (baseBranch === '') throw new OrchestraError(ErrorCode.USAGE, 'a task needs a base branch; got an empty one.', { hint: 'Pass the branch the task starts from and merges into (--base main).' });
    await mkdir(this.dir, { recursive: true });
    return withTaskLock(this.dir, async () => {
      const names = await readTaskNames(this.dir);
      this.assertSlugFree(names, input.slug);
      // Never an id given before, even when its file was removed since (task-id-mark.ts).
      const id = Math.max(nextTaskId(names), (await readTaskIdMark(this.dir)) + 1);
      await writeTaskIdMark(this.dir, id);
      const time = this.now().toISOString();
      const file = join(this.dir, taskFileName(id, input.slug));
      const task: Task = { id, slug: input.slug, status: 'draft', baseBranch, createdAt: time, updatedAt: time, description: normalizeDescription(input.description), file, extra: {} };
      const agent = input.agent?.trim();
      if (agent) task.agent = agent;
      await writeNewTaskFile(file, formatTaskFile(task));
      return task;
    }, this.lock);
  }

  /**
   * Re-reads the task file, applies `patch` and writes it back, so a concurrent hand edit to other
   * fields is kept. Sets `updated` to now; a new slug renames the file. Does not check status
   * transitions: callers use `assertTransition` first.
   */
  async update(id: number, patch: TaskPatch): Promise<Task> {
    await this.fileOf(id); // fails fast (and before the lock) when the project has no such task
    return withTaskLock(this.dir, async () => {
      const file = await this.fileOf(id);
      const info = await stat(file);
      const current = parseTaskFile(file, await readFile(file, 'utf8'), { mtime: info.mtime });
      const next = applyTaskPatch(current, patch, this.now());
      if (next.slug !== current.slug) {
        this.assertSlugFree(await readTaskNames(this.dir), next.slug);
        next.file = join(this.dir, taskFileName(id, next.slug));
      }
      await replaceTaskFile(current.file, formatTaskFile(next));
      // Content first, then the name: a crash in between leaves one valid file, never two.
      if (next.file !== current.file) await rename(current.file, next.file);
      return next;
    }, this.lock);
  }

  /** Deletes the task's file (a malformed one too). */
  async remove(id: number): Promise<void> {
    await this.fileOf(id);
    await withTaskLock(this.dir, async () => rm(await this.fileOf(id)), this.lock);
  }

  private async fileOf(id: number): Promise<string> {
    const names = (await readTaskNames(this.dir)).filter((name) => isTaskFileCandidate(name) && claimedTaskId(name) === id);
    const [name] = names;
    if (name === undefined) {
      throw new OrchestraError(ErrorCode.TASK_NOT_FOUND, `no task with id ${id} in ${this.dir}.`, { hint: '`orchestra status` lists the tasks of this project.' });
    }
    if (names.length > 1) {
      throw new OrchestraError(ErrorCode.TASK_AMBIGUOUS, `${names.length} task files claim id ${id}: ${names.join(', ')}.`, { hint: `Rename all but one of them in ${this.dir} to an unused id.` });
    }
    return join(this.dir, name);
  }

  private assertSlugFree(names: readonly string[], slug: string): void {
    const taken = names.find((name) => isTaskFileCandidate(name) && claimedTaskSlug(name) === slug);
    if (taken === undefined) return;
    throw new OrchestraError(ErrorCode.USAGE, `the slug "${slug}" is already used by the task file ${taken}.`, {
      hint: `Choose another slug, or work on the existing task (orchestra edit ${claimedTaskId(taken) ?? slug}).`,
    });
  }
}

/** Whether `ref` would name the task in this (malformed) entry's file name. */
function namesEntry(entry: TaskEntry, ref: string): boolean {
  const id = claimedTaskId(entry.name);
  const slug = claimedTaskSlug(entry.name);
  const wanted = ref.trim();
  return (id !== undefined && wanted === String(id)) || (slug !== undefined && [slug, `${id}:${slug}`, `${id}-${slug}`].includes(wanted));
}
