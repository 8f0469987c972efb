import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type WriteOutcome = 'created' | 'skipped' | 'updated' | 'unchanged';

/**
 * Creates `path` with `text` unless something is there already: the `wx` flag makes "does not exist"
 * and "create" one step, so a file made meanwhile (by the user, another init) is never overwritten.
 */
export async function createNewFile(path: string, text: string): Promise<WriteOutcome> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: 'wx' });
    return 'created';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'skipped';
    throw error;
  }
}

/** Writes a file Orchestra generates and owns (never one the user edits): only when its text changed. */
export async function refreshGeneratedFile(path: string, text: string): Promise<WriteOutcome> {
  const before = await readFile(path, 'utf8').catch(() => undefined);
  if (before === text) return 'unchanged';
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return before === undefined ? 'created' : 'updated';
}
