import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * The canonical form of a path for comparing it with paths git reports: symlinks resolved where the path
 * exists (macOS's /tmp is /private/tmp), else just made absolute.
 */
export async function canonicalPath(path: string): Promise<string> {
  const absolute = resolve(path);
  return realpath(absolute).catch(() => absolute);
}
