import type Database from 'better-sqlite3';
import type { RunPatchKey } from '../run-record.js';
import type { CheckpointRow } from './checkpoint-rows.js';
import type { CheckpointHeadRow, NodeRecordRow, RunRow } from './rows.js';
import { runPatchColumns } from './rows.js';

type Db = Database.Database;
type Params = unknown[] | object;

type Args<P extends Params> = P extends unknown[] ? P : [P];

/**
 * The part of a better-sqlite3 statement the store uses, under a name that declaration files can
 * print (the library's own Statement type lives in a namespace they cannot name).
 */
export interface Prepared<P extends unknown[], R> {
  run(...params: P): Database.RunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

function prepareOn(db: Db) {
  return function prepare<P extends Params, R = unknown>(sql: string, pluck = false): Prepared<Args<P>, R> {
    const statement = db.prepare(sql);
    return (pluck ? statement.pluck() : statement) as unknown as Prepared<Args<P>, R>;
  };
}

/** Every statement the store runs, prepared once when the store opens. */
export function prepareStatements(db: Db) {
  const prepare = prepareOn(db);
  return {
    insertRun: prepare<[RunRow], void>(
      `INSERT INTO runs (id, pipeline, file, source, goal, state, current_node, logs_root, variables_json, options_json,
         parent_run_id, parent_checkpoint, started_at, updated_at, finished_at, outcome, error, tenant)
       VALUES (@id, @pipeline, @file, @source, @goal, @state, @current_node, @logs_root, @variables_json, @options_json,
         @parent_run_id, @parent_checkpoint, @started_at, @updated_at, @finished_at, @outcome, @error, @tenant)`,
    ),
    runExists: prepare<[string], 1>('SELECT 1 FROM runs WHERE id = ?', true),
    getRun: prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?'),
    runsByPrefix: prepare<[{ prefix: string }], RunRow>(
      'SELECT * FROM runs WHERE substr(id, 1, length(@prefix)) = @prefix ORDER BY started_at DESC, id DESC',
    ),
    listRuns: prepare<[{ limit: number }], RunRow>('SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT @limit'),
    listRunsInState: prepare<[{ state: string; limit: number }], RunRow>(
      'SELECT * FROM runs WHERE state = @state ORDER BY started_at DESC, id DESC LIMIT @limit',
    ),

    insertCheckpoint: prepare<[string, number, string, string | null, number, string, number | null], void>(
      'INSERT INTO checkpoints (run_id, seq, current_node, next_node, at, json, base_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    getCheckpoint: prepare<[string, number], CheckpointRow>('SELECT seq, base_seq AS baseSeq, json FROM checkpoints WHERE run_id = ? AND seq = ?'),
    latestCheckpoint: prepare<[string], CheckpointRow>('SELECT seq, base_seq AS baseSeq, json FROM checkpoints WHERE run_id = ? ORDER BY seq DESC LIMIT 1'),
    listCheckpoints: prepare<[string], CheckpointHeadRow>(
      'SELECT seq, current_node, next_node, at FROM checkpoints WHERE run_id = ? ORDER BY seq',
    ),

    lastEventSeq: prepare<[string], number>('SELECT COALESCE(MAX(seq), 0) FROM events WHERE run_id = ?', true),
    insertEvent: prepare<[string, number, string, number, string], void>(
      'INSERT INTO events (run_id, seq, type, at, json) VALUES (?, ?, ?, ?, ?)',
    ),
    readEvents: prepare<[string, number, number], { seq: number; json: string }>(
      'SELECT seq, json FROM events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    // The run ids as a JSON array: one statement for any number of runs (index events_agent_turns).
    runCosts: prepare<[string], { run_id: string; cost: number }>(
      `SELECT run_id, TOTAL(json_extract(json, '$.costUsd')) AS cost FROM events
       WHERE type = 'agent.turn' AND run_id IN (SELECT value FROM json_each(?)) GROUP BY run_id`,
    ),

    insertNodeRecord: prepare<[string, number, string, number, string, number], void>(
      `INSERT INTO node_records (run_id, idx, node_id, attempt, status, handler, started_at)
       VALUES (?, ?, ?, ?, 'running', ?, ?)`,
    ),
    endNodeRecord: prepare<[string, number | null, string | null, string | null, string, number], void>(
      'UPDATE node_records SET status = ?, finished_at = ?, notes = ?, failure_reason = ? WHERE run_id = ? AND idx = ?',
    ),
    listNodeRecords: prepare<[string], NodeRecordRow>('SELECT * FROM node_records WHERE run_id = ? ORDER BY idx'),

    getLease: prepare<[string], { owner: string; expires_at: number }>('SELECT owner, expires_at FROM leases WHERE run_id = ?'),
    upsertLease: prepare<[string, string, number], void>(
      `INSERT INTO leases (run_id, owner, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (run_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at`,
    ),
    deleteLease: prepare<[string, string], void>('DELETE FROM leases WHERE run_id = ? AND owner = ?'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/**
 * UPDATE statements for run patches, one per set of keys, prepared on first use: the engine uses
 * a handful of patch shapes, each then runs as a cached statement.
 */
export function createRunPatchStatements(db: Db): (keys: readonly RunPatchKey[]) => Prepared<[Record<string, unknown>], void> {
  const cache = new Map<string, Prepared<[Record<string, unknown>], void>>();
  return function runPatchStatement(keys) {
    const cacheKey = keys.join(',');
    let statement = cache.get(cacheKey);
    if (!statement) {
      const assignments = keys.map((key) => `${runPatchColumns[key]} = @${runPatchColumns[key]}`).join(', ');
      statement = db.prepare<[Record<string, unknown>], void>(`UPDATE runs SET ${assignments} WHERE id = @id`);
      cache.set(cacheKey, statement);
    }
    return statement;
  };
}
