import type Database from 'better-sqlite3';
import { parseBranchStep, serializeBranchStep } from '../branch-step-json.js';
import type { BranchStep, EventInput, StoredEvent } from '../types.js';

interface StepRow {
  checkpointSeq: number;
  branch: string;
  step: number;
  nodeId: string;
  at: number;
  json: string;
}

/** The store's own steps inside the transaction: the run must exist, the events get their seqs. */
export interface StepTransactionParts {
  requireRun(runId: string): void;
  insertEvents(runId: string, events: EventInput[]): StoredEvent[];
}

export interface BranchStepTable {
  /** Inserts the steps and events in one transaction (savepoint inside a batch). */
  commit(runId: string, steps: BranchStep[], events: EventInput[]): StoredEvent[];
  list(runId: string, checkpointSeq: number): BranchStep[];
}

/**
 * The `branch_steps` table (issue 8.10). A step is written once: INSERT OR IGNORE keeps the row a
 * crashed process committed when a resumed one reaches the same step.
 */
export function createBranchStepTable(db: Database.Database, parts: StepTransactionParts): BranchStepTable {
  const insert = db.prepare<[string, number, string, number, string, number, string]>(
    'INSERT OR IGNORE INTO branch_steps (run_id, checkpoint_seq, branch, step, node_id, at, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[string, number], StepRow>(
    `SELECT checkpoint_seq AS checkpointSeq, branch, step, node_id AS nodeId, at, json
       FROM branch_steps WHERE run_id = ? AND checkpoint_seq = ? ORDER BY branch, step`,
  );
  // Steps are serialized inside the transaction, as events are: a bad one rolls back the whole call.
  const commit = db.transaction((runId: string, steps: BranchStep[], events: EventInput[]) => {
    parts.requireRun(runId);
    for (const step of steps) insert.run(runId, step.checkpointSeq, step.branch, step.step, step.nodeId, step.at, serializeBranchStep(runId, step));
    return parts.insertEvents(runId, events);
  });
  return {
    commit: (runId, steps, events) => commit(runId, steps, events),
    list(runId: string, checkpointSeq: number): BranchStep[] {
      return list.all(runId, checkpointSeq).map(({ json, ...columns }) => parseBranchStep(columns, json));
    },
  };
}
