import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, isOrchestraError, OrchestraError } from '../core/errors.js';
import type { Task } from './task.js';
import { parseTaskFile } from './task-file.js';
import { isTaskFileCandidate } from './task-file-name.js';

/** One task file as read: the task, or the problem that kept it from being read. */
export type TaskEntry = { name: string; task: Task; problem?: undefined } | { name: string; task?: undefined; problem: OrchestraError };

/** The names in the tasks directory; none when it does not exist yet. */
export async function readTaskNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new OrchestraError(ErrorCode.TASK_FILE, `cannot read the task directory ${dir}: ${(error as Error).message}`, {
      hint: 'Check that .orchestra/tasks is a readable directory.',
      cause: error,
    });
  }
}

/** Reads every task file in `dir` (skipping dot-files and non-`.md` names), each on its own. */
export async function readTaskEntries(dir: string): Promise<TaskEntry[]> {
  const names = (await readTaskNames(dir)).filter(isTaskFileCandidate).sort();
  const entries = await Promise.all(names.map((name) => readTaskEntry(dir, name)));
  return entries.filter((entry) => entry !== undefined);
}

async function readTaskEntry(dir: string, name: string): Promise<TaskEntry | undefined> {
  const file = join(dir, name);
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    return { name, task: parseTaskFile(file, await readFile(file, 'utf8'), { mtime: info.mtime }) };
  } catch (error) {
    // Removed (or renamed) between the listing and the read: it is simply not there any more.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (isOrchestraError(error)) return { name, problem: error };
    const problem = new OrchestraError(ErrorCode.TASK_FILE, `cannot read the task file: ${(error as Error).message}`, {
      location: { file, line: 1, column: 1 },
      hint: 'Check the file permissions.',
      cause: error,
    });
    return { name, problem };
  }
}
