import { statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import { StageStatuses, isStageStatus } from '../../core/outcome.js';
import { badFileError, describeIssue, parseJsonFile } from './file-errors.js';
import { writeJsonAtomic } from './write-file-atomic.js';

export const statusFileName = 'status.json';

/** `status.json` as Appendix C names its keys. */
export interface StatusFile {
  outcome: Outcome['status'];
  preferred_label?: string;
  suggested_next_ids?: string[];
  context_updates?: Record<string, unknown>;
  notes?: string;
  failure_reason?: string;
}

/** Agents in any language write this file: null counts as absent, unknown keys are ignored. */
const statusFileSchema = z.object({
  outcome: z.string().nullish(),
  status: z.string().nullish(),
  preferred_label: z.string().nullish(),
  preferred_next_label: z.string().nullish(),
  suggested_next_ids: z.array(z.string()).nullish(),
  context_updates: z.record(z.string(), z.unknown()).nullish(),
  notes: z.string().nullish(),
  failure_reason: z.string().nullish(),
});

export function toStatusFile(outcome: Outcome): StatusFile {
  return dropUndefined({
    outcome: outcome.status,
    preferred_label: outcome.preferredLabel,
    suggested_next_ids: outcome.suggestedNextIds,
    context_updates: outcome.contextUpdates,
    notes: outcome.notes,
    failure_reason: outcome.failureReason,
  });
}

/**
 * Decision 18: reads a status file an agent wrote. Takes `outcome` or `status` (any case), and the
 * old `preferred_next_label` (decision 15). Throws naming `file` and what is wrong with it.
 */
export function parseStatusFile(text: string, file: string): Outcome {
  const parsed = statusFileSchema.safeParse(parseJsonFile(text, `status file ${file}`, statusHint));
  if (!parsed.success) throw malformed(file, describeIssue(parsed.error));
  const data = parsed.data;
  const status = readStatus(data.outcome ?? undefined, data.status ?? undefined, file);
  return dropUndefined({
    status,
    preferredLabel: data.preferred_label ?? data.preferred_next_label ?? undefined,
    suggestedNextIds: data.suggested_next_ids ?? undefined,
    contextUpdates: data.context_updates ?? undefined,
    notes: data.notes ?? undefined,
    failureReason: data.failure_reason ?? undefined,
  });
}

/** Writes `{stageDir}/status.json` from the node's final outcome. */
export async function writeStatus(stageDir: string, outcome: Outcome): Promise<void> {
  await writeJsonAtomic(join(stageDir, statusFileName), toStatusFile(outcome));
}

/**
 * Removes `{stageDir}/status.json` before a node runs again (retry, loop restart, resume), so a
 * file from an earlier attempt is not mistaken for one the agent just wrote (decision 18).
 */
export async function clearStatusFile(stageDir: string): Promise<void> {
  await rm(join(stageDir, statusFileName), { force: true });
}

/** The outcome in `{stageDir}/status.json`, or undefined when there is no such file. */
export async function readStatusFile(stageDir: string): Promise<Outcome | undefined> {
  const file = join(stageDir, statusFileName);
  // Absent after most nodes: a synchronous stat answers that inline, where readFile would go through
  // the thread pool and build an ENOENT error (issue 9).
  if (statSync(file, { throwIfNoEntry: false }) === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OrchestraError(ErrorCode.FILE_READ, `cannot read ${file}: ${(error as Error).message}`, {
      hint: 'The agent that wrote it must leave a readable file (or none).',
      cause: error,
    });
  }
  return parseStatusFile(text, file);
}

function readStatus(outcome: string | undefined, status: string | undefined, file: string): Outcome['status'] {
  const key = outcome !== undefined ? 'outcome' : 'status';
  const value = outcome ?? status;
  if (value === undefined) throw malformed(file, 'has neither "outcome" nor "status"');
  const normalized = value.trim().toLowerCase();
  if (!isStageStatus(normalized)) {
    throw malformed(file, `has "${key}": ${JSON.stringify(value)}, expected one of ${StageStatuses.join(', ')}`);
  }
  if (outcome !== undefined && status !== undefined && status.trim().toLowerCase() !== normalized) {
    throw malformed(file, `has "outcome": ${JSON.stringify(outcome)} but "status": ${JSON.stringify(status)}; keep one of them`);
  }
  return normalized;
}

const statusHint =
  'Write {"outcome": "success"} (or retry, fail, partial_success), optionally with preferred_label, suggested_next_ids, context_updates, notes, failure_reason.';

function malformed(file: string, problem: string): OrchestraError {
  return badFileError(`status file ${file}`, problem, statusHint);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
