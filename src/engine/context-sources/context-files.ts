import { open, realpath } from 'node:fs/promises';
import { relative } from 'node:path';
import { confinePath } from '../../agents/agent-loop/tools/confine-path.js';
import { findMatches } from '../checks/find-files.js';
import type { ContextItem } from './context-item.js';

/** Most files one node's globs may name; a broader glob is cut here, with a warning. */
export const maxContextFiles = 200;

export interface ContextFiles {
  items: ContextItem[];
  warnings: string[];
}

/**
 * The files `patterns` match under `workDir` (each pattern's matches by path, in pattern order, each
 * file once), read as UTF-8 up to `maxChars` each. A match whose real location (links followed) is
 * outside the working directory is skipped with a warning; a binary file is named without content.
 */
export async function readContextFiles(workDir: string, patterns: readonly string[], maxChars: number, signal?: AbortSignal): Promise<ContextFiles> {
  const root = await realpath(workDir);
  const warnings: string[] = [];
  const seen = new Set<string>();
  const items: ContextItem[] = [];
  for (const pattern of patterns) {
    const matches = await findMatches(root, pattern, { limit: maxContextFiles + 1, signal });
    if (matches.length === 0) warnings.push(`context.files: "${pattern}" matches no file in ${root}`);
    for (const path of matches.sort()) {
      if (seen.has(path)) continue;
      seen.add(path);
      if (seen.size > maxContextFiles) {
        warnings.push(`context.files: more than ${maxContextFiles} files match; the first ${maxContextFiles} are used`);
        return { items, warnings };
      }
      const item = await readItem(root, path, maxChars, warnings);
      if (item !== undefined) items.push(item);
    }
  }
  return { items, warnings };
}

async function readItem(root: string, path: string, maxChars: number, warnings: string[]): Promise<ContextItem | undefined> {
  let real: string;
  try {
    real = await confinePath(root, path);
  } catch {
    warnings.push(`context.files: ${path} is a link to outside the working directory; left out`);
    return undefined;
  }
  let handle;
  try {
    handle = await open(real, 'r');
  } catch (error) {
    return { label: path, text: undefined, note: `not readable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined; // a directory the glob also matched
    // UTF-8 takes at most 4 bytes a character: this many bytes always hold `maxChars` characters.
    const wanted = Math.min(info.size, maxChars * 4 + 4);
    const buffer = Buffer.alloc(wanted);
    const { bytesRead } = await handle.read(buffer, 0, wanted, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.subarray(0, 8000).includes(0)) return { label: labelOf(root, real, path), text: undefined, note: `binary, ${info.size} bytes, not included` };
    const text = bytes.toString('utf8');
    const cut = text.length > maxChars || info.size > wanted;
    return cut ? { label: labelOf(root, real, path), text: text.slice(0, maxChars), note: `first ${maxChars} characters of ${info.size} bytes` } : { label: labelOf(root, real, path), text };
  } finally {
    await handle.close();
  }
}

/** The path as matched; a link inside the directory also says where it points. */
function labelOf(root: string, real: string, path: string): string {
  const target = relative(root, real);
  return target === path ? path : `${path} → ${target}`;
}
