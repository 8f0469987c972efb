import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compileGlob, staticPrefix } from '../../core/glob.js';

// Directories a broad pattern (`**/*.js`) would otherwise crawl for a long time; a pattern that
// names them in its fixed part (`node_modules/x/**`) still looks inside.
const skippedDirs = new Set(['.git', 'node_modules']);

/**
 * The first file or directory under `root` whose path relative to `root` matches `pattern`, or
 * undefined. Stops at the first match: a file-exists check needs one.
 */
export async function findFirstMatch(root: string, pattern: string, signal?: AbortSignal): Promise<string | undefined> {
  const normalized = pattern.replace(/^\.\//, '');
  const regex = compileGlob(normalized);
  const prefix = staticPrefix(normalized);
  // Without `**` a match is never deeper than the pattern has segments.
  const maxDepth = normalized.includes('**') ? Infinity : normalized.split('/').length;
  const queue: string[] = [prefix];
  while (queue.length > 0) {
    if (signal?.aborted) throw signal.reason;
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (regex.test(path)) return path;
      if (entry.isDirectory() && !skippedDirs.has(entry.name) && path.split('/').length < maxDepth) queue.push(path);
    }
  }
  return undefined;
}
