import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Outcome } from '../../../core/outcome.js';
import { parseStatusFile, statusFileName } from '../../../store/run-dir/status-file.js';

/** What `status.json` looked like before the agent ran. */
export interface StatusMark {
  text: string | undefined;
  mtimeMs: number | undefined;
}

export async function markAgentStatus(stageDir: string): Promise<StatusMark> {
  const file = join(stageDir, statusFileName);
  // A synchronous stat first: the file is absent before and after most nodes, and the answer costs
  // a few microseconds inline against a round trip through the thread pool (issue 9).
  const info = statSync(file, { throwIfNoEntry: false });
  if (info === undefined) return { text: undefined, mtimeMs: undefined };
  try {
    return { text: await readFile(file, 'utf8'), mtimeMs: info.mtimeMs };
  } catch {
    return { text: undefined, mtimeMs: undefined };
  }
}

/**
 * Decision 18: the outcome an agent wrote to `{stage}/status.json` during the call, or undefined
 * when the file is absent or unchanged since `before`. A malformed file throws naming the file.
 */
export async function readAgentStatusSince(stageDir: string, before: StatusMark): Promise<Outcome | undefined> {
  const after = await markAgentStatus(stageDir);
  if (after.text === undefined) return undefined;
  if (after.text === before.text && after.mtimeMs === before.mtimeMs) return undefined;
  return parseStatusFile(after.text, join(stageDir, statusFileName));
}
