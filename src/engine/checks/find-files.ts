import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compileGlob, staticPrefix } from '../../core/glob.js';

// Directories a broad pattern (`**/*.js`) would otherwise crawl for a long time; a pattern that
// names them in its fixed part (`node_modules/x/**`) still looks inside.
const skippedDirs = new Set(['.git', 'node_modules']);

/**
 * Files and directories under `root` whose path relative to `root` matches `pattern`, in the order
 * a breadth-first walk meets them, at most `limit`. Links to directories are not followed: what
 * they point at may lie outside `root`.
 */
export async function findMatches(root: string, pattern: string, options: { limit: number; signal?: AbortSignal | undefined }): Promise<string[]> {
  const normalized = pattern.replace(/^\.\//, '');
  const regex = compileGlob(normalized);
  const prefix = staticPrefix(normalized);
  // Without `**` a match is never deeper than the pattern has segments.
  const maxDepth = normalized.includes('**') ? Infinity : normalized.split('/').length;
  const matches: string[] = [];
  const queue: string[] = [prefix];
  while (queue.length > 0) {
    if (options.signal?.aborted) throw options.signal.reason;
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (regex.test(path)) {
        matches.push(path);
        if (matches.length >= options.limit) return matches;
      }
      if (entry.isDirectory() && !skippedDirs.has(entry.name) && path.split('/').length < maxDepth) queue.push(path);
    }
  }
  return matches;
}

/** The first file or directory under `root` matching `pattern`, or undefined: a file-exists check needs one. */
export async function findFirstMatch(root: string, pattern: string, signal?: AbortSignal): Promise<string | undefined> {
  return (await findMatches(root, pattern, { limit: 1, signal }))[0];
}
