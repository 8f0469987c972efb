import { isValidSlug } from './task-slug.js';

/** `42:fix-tests.md`. */
export function taskFileName(id: number, slug: string): string {
  return `${id}:${slug}.md`;
}

/** The id and slug of a well-formed task file name, or undefined. */
export function parseTaskFileName(name: string): { id: number; slug: string } | undefined {
  const match = /^(\d+):(.+)\.md$/.exec(name);
  if (!match) return undefined;
  const id = Number(match[1]);
  const slug = match[2] ?? '';
  if (!Number.isSafeInteger(id) || id < 1 || !isValidSlug(slug)) return undefined;
  return { id, slug };
}

/**
 * The id a file name claims, even when the rest of the name is malformed (`7:Bad Slug.md`), so a
 * broken file still holds its id and new tasks never reuse it.
 */
export function claimedTaskId(name: string): number | undefined {
  const match = /^(\d+):/.exec(name);
  if (!match) return undefined;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** The slug a file name claims, even when its id is malformed. */
export function claimedTaskSlug(name: string): string | undefined {
  return /^[^:]*:(.+)\.md$/.exec(name)?.[1];
}

/** Task files are `*.md`; dot-files (locks, temp files of atomic writes, editor swap files) are not. */
export function isTaskFileCandidate(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.');
}

/** The id for a new task: one more than any id a file name in the directory claims (broken files included). */
export function nextTaskId(names: readonly string[]): number {
  let max = 0;
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const id = claimedTaskId(name);
    if (id !== undefined && id > max) max = id;
  }
  return max + 1;
}
