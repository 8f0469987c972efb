import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Directories no tool looks into: version control and installed packages. */
const skipped = new Set(['.git', 'node_modules']);

/** Files under `dir`, as `/`-separated paths relative to `root`, sorted, at most `limit`. */
export async function walkFiles(root: string, dir: string, limit: number): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.shift()!;
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) pending.push(path);
      } else if (entry.isFile()) {
        if (files.length >= limit) return { files: files.sort(), truncated: true };
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  }
  return { files: files.sort(), truncated: false };
}
