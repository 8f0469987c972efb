import { defaultTenant } from '../core/tenant-scope.js';
import type { NewRun, RunPatch, RunRecord } from './types.js';

/** The fields a RunPatch may carry, in a fixed order (SQLite caches one statement per key set). */
export const runPatchKeys = ['state', 'currentNode', 'updatedAt', 'finishedAt', 'outcome', 'error'] as const;
export type RunPatchKey = (typeof runPatchKeys)[number];

/** Fields a patch can clear; `state` and `updatedAt` always have a value. */
const clearableKeys: ReadonlySet<RunPatchKey> = new Set(['currentNode', 'finishedAt', 'outcome', 'error']);

/**
 * The keys a patch sets. An optional field present with the value `undefined` counts: it clears
 * the field (a resumed run drops its old `error` and `finishedAt`); an absent key leaves it alone.
 */
export function presentPatchKeys(patch: RunPatch): RunPatchKey[] {
  return runPatchKeys.filter((key) => Object.hasOwn(patch, key) && (patch[key] !== undefined || clearableKeys.has(key)));
}

/** A new run as stored: running, not yet at any node, updated when it started; in `default` unless told. */
export function createRunRecord(run: NewRun): RunRecord {
  return {
    id: run.id,
    pipeline: run.pipeline,
    file: run.file,
    source: run.source,
    goal: run.goal,
    state: 'running',
    currentNode: undefined,
    logsRoot: run.logsRoot,
    variables: { ...run.variables },
    options: structuredClone(run.options),
    parentRunId: run.parentRunId,
    parentCheckpoint: run.parentCheckpoint,
    startedAt: run.startedAt,
    updatedAt: run.startedAt,
    finishedAt: undefined,
    outcome: undefined,
    error: undefined,
    tenant: run.tenant ?? defaultTenant,
  };
}

export function applyRunPatch(record: RunRecord, patch: RunPatch): RunRecord {
  const next = { ...record };
  for (const key of presentPatchKeys(patch)) {
    (next as Record<RunPatchKey, unknown>)[key] = patch[key];
  }
  return next;
}

/** Newest first; run ids are time-sortable, so the id breaks ties between equal start times. */
export function compareRunsNewestFirst(a: RunRecord, b: RunRecord): number {
  if (a.startedAt !== b.startedAt) return b.startedAt - a.startedAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
