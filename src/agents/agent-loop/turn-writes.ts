import { resolve } from 'node:path';
import type { ToolCallRecord } from './turn-log.js';

const fileWriters = new Set(['write_file', 'edit_file']);

/**
 * The files a turn's tool calls wrote, absolute (issue 14: what its commit holds): the paths of its
 * write_file and edit_file calls that succeeded. A turn that ran the shell may have written
 * anything: undefined, so that everything that changed is committed.
 */
export function turnWrites(workDir: string, calls: readonly Pick<ToolCallRecord, 'name' | 'input' | 'is_error' | 'skipped_by_hook'>[]): string[] | undefined {
  const files: string[] = [];
  for (const call of calls) {
    if (call.skipped_by_hook === true) continue;
    if (call.name === 'shell') return undefined;
    if (!fileWriters.has(call.name) || call.is_error) continue;
    const path = (call.input as { path?: unknown } | null)?.path;
    if (typeof path === 'string' && path !== '') files.push(resolve(workDir, path));
  }
  return files;
}
