import type { StageStatus } from '../../core/events.js';
import type { RunPatchKey } from '../run-record.js';
import type { NodeRecord, RunRecord, RunState } from '../types.js';
import { isOrchestraError } from '../../core/errors.js';
import { damagedRowError, parseStoredJson } from './store-damage.js';

/*
 * Rows as SQLite returns them (snake_case, NULL) and their mapping to the camelCase records the
 * rest of Orchestra uses. Nothing outside src/store/sqlite sees a column name.
 */

export interface RunRow {
  id: string;
  pipeline: string;
  file: string;
  source: string;
  goal: string;
  state: RunState;
  current_node: string | null;
  logs_root: string;
  variables_json: string;
  options_json: string;
  parent_run_id: string | null;
  parent_checkpoint: number | null;
  started_at: number;
  updated_at: number;
  finished_at: number | null;
  outcome: StageStatus | null;
  error: string | null;
  tenant: string;
}

export interface NodeRecordRow {
  run_id: string;
  idx: number;
  node_id: string;
  attempt: number;
  status: NodeRecord['status'];
  handler: string;
  started_at: number;
  finished_at: number | null;
  notes: string | null;
  failure_reason: string | null;
}

export interface CheckpointHeadRow {
  seq: number;
  current_node: string;
  next_node: string | null;
  at: number;
}

export const runPatchColumns: Record<RunPatchKey, keyof RunRow> = {
  state: 'state',
  currentNode: 'current_node',
  updatedAt: 'updated_at',
  finishedAt: 'finished_at',
  outcome: 'outcome',
  error: 'error',
};

/** The run in `row`; a damaged JSON column throws E_STORE_CORRUPT naming the run and column. */
export function fromRunRow(row: RunRow, path: string): RunRecord {
  return {
    id: row.id,
    pipeline: row.pipeline,
    file: row.file,
    source: row.source,
    goal: row.goal,
    state: row.state,
    currentNode: row.current_node ?? undefined,
    logsRoot: row.logs_root,
    variables: parseObject(path, row.id, 'variables_json', row.variables_json) as Record<string, string>,
    options: parseObject(path, row.id, 'options_json', row.options_json),
    parentRunId: row.parent_run_id ?? undefined,
    parentCheckpoint: row.parent_checkpoint ?? undefined,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at ?? undefined,
    outcome: row.outcome ?? undefined,
    error: row.error ?? undefined,
    tenant: row.tenant,
  };
}

/**
 * For listings: a run whose row is damaged is still listed, marked `damaged` (with empty variables
 * and options), so one bad row does not hide every other run. Reading it alone still throws.
 */
export function fromRunRowMarked(row: RunRow, path: string): RunRecord {
  try {
    return fromRunRow(row, path);
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    return { ...fromRunRow({ ...row, variables_json: '{}', options_json: '{}' }, path), damaged: error.message };
  }
}

function parseObject(path: string, runId: string, column: string, json: string): Record<string, unknown> {
  const ref = { runId, table: 'runs', row: column } as const;
  const value = parseStoredJson(path, ref, json);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw damagedRowError(path, ref, 'it holds JSON that is not an object');
}

export function toRunRow(record: RunRecord, variablesJson: string, optionsJson: string): RunRow {
  return {
    id: record.id,
    pipeline: record.pipeline,
    file: record.file,
    source: record.source,
    goal: record.goal,
    state: record.state,
    current_node: record.currentNode ?? null,
    logs_root: record.logsRoot,
    variables_json: variablesJson,
    options_json: optionsJson,
    parent_run_id: record.parentRunId ?? null,
    parent_checkpoint: record.parentCheckpoint ?? null,
    started_at: record.startedAt,
    updated_at: record.updatedAt,
    finished_at: record.finishedAt ?? null,
    outcome: record.outcome ?? null,
    error: record.error ?? null,
    tenant: record.tenant,
  };
}

export function fromNodeRecordRow(row: NodeRecordRow): NodeRecord {
  return {
    runId: row.run_id,
    nodeId: row.node_id,
    index: row.idx,
    attempt: row.attempt,
    status: row.status,
    handler: row.handler,
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? undefined,
    notes: row.notes ?? undefined,
    failureReason: row.failure_reason ?? undefined,
  };
}
