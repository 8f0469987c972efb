import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// The lines git writes around a conflict. "=======" alone is left out: it is also a Markdown heading underline.
const MARKER = /^(?:<{7}|>{7})(?: |$)/m;

/** Whether the text still holds git conflict markers (a `<<<<<<< ` or `>>>>>>> ` line). */
export function hasConflictMarkers(text: string): boolean {
  return MARKER.test(text);
}

/** Of `files` (relative to `dir`), those that still hold conflict markers; a deleted file has none. */
export async function filesWithMarkers(dir: string, files: readonly string[]): Promise<string[]> {
  const left: string[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => '');
    if (hasConflictMarkers(text)) left.push(file);
  }
  return left;
}
