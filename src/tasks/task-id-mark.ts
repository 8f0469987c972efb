import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/run-dir/write-file-atomic.js';

/**
 * `.orchestra/tasks/.last-id`: the highest id ever given to a task of the project. Ids come from
 * the task files' names, so without it removing the newest task would hand its id to the next one,
 * and `orchestra attach 3` or a log or branch named after the old task 3 would mean the new one.
 */
export const taskIdMarkName = '.last-id';

/** The recorded high-water mark; 0 when there is none or it cannot be read (the file names still count). */
export async function readTaskIdMark(dir: string): Promise<number> {
  const text = await readFile(join(dir, taskIdMarkName), 'utf8').catch(() => '');
  const id = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

/** Records `id` as given. Called under the task lock, before the new task's file is written. */
export async function writeTaskIdMark(dir: string, id: number): Promise<void> {
  // A task file belongs to the user's project, and so does this: ordinary file mode.
  await writeFileAtomic(join(dir, taskIdMarkName), `${id}\n`, { mode: 0o666 });
}
