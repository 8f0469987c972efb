import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Folders never searched for pipelines: dependencies, VCS data, build output, Orchestra's own. */
const skipped = new Set(['node_modules', '.git', '.orchestra', 'dist', 'build', 'coverage', '.venv', 'target']);

/** At most this many files are listed, and folders this deep searched: a project is not a disk. */
const maxFiles = 1_000;
const maxDepth = 8;

/**
 * The `.dot` files of a project (its real path), relative to it with `/` separators, sorted. Only
 * regular files and folders are followed: a symlink is never followed, so nothing outside is listed.
 */
export async function listPipelineFiles(project: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= maxFiles) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < maxDepth && !skipped.has(entry.name)) await walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.dot')) found.push(relative(project, path).split(sep).join('/'));
    }
  };
  await walk(project, 0);
  return found.sort();
}
