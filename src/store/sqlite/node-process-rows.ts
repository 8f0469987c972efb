import type Database from 'better-sqlite3';
import type { NodeProcess } from '../node-process.js';
import { runNotFoundError } from '../store-errors.js';
import { isConstraintError } from './sqlite-errors.js';

interface NodeProcessRow {
  run_id: string;
  pid: number;
  start_time: string | null;
  host: string;
  node_id: string;
  attempt: number;
  started_at: number;
}

/** The SQL of the `node_processes` table (kept out of sqlite-store.ts, which is near its size limit). */
export class NodeProcessRows {
  private readonly upsert;
  private readonly remove;
  private readonly list;

  constructor(db: Database.Database) {
    this.upsert = db.prepare<[NodeProcessRow], void>(
      `INSERT OR REPLACE INTO node_processes (run_id, pid, start_time, host, node_id, attempt, started_at)
       VALUES (@run_id, @pid, @start_time, @host, @node_id, @attempt, @started_at)`,
    );
    this.remove = db.prepare<[string, number], void>('DELETE FROM node_processes WHERE run_id = ? AND pid = ?');
    this.list = db.prepare<[string], NodeProcessRow>('SELECT * FROM node_processes WHERE run_id = ? ORDER BY started_at, pid');
  }

  record(process: NodeProcess): void {
    const { runId, pid, startTime, host, nodeId, attempt, startedAt } = process;
    try {
      this.upsert.run({ run_id: runId, pid, start_time: startTime ?? null, host, node_id: nodeId, attempt, started_at: startedAt });
    } catch (error) {
      throw isConstraintError(error, 'SQLITE_CONSTRAINT_FOREIGNKEY') ? runNotFoundError(runId) : error;
    }
  }

  clear(runId: string, pid: number): void {
    this.remove.run(runId, pid);
  }

  all(runId: string): NodeProcess[] {
    return this.list.all(runId).map((row) => ({
      runId: row.run_id,
      pid: row.pid,
      startTime: row.start_time ?? undefined,
      host: row.host,
      nodeId: row.node_id,
      attempt: row.attempt,
      startedAt: row.started_at,
    }));
  }
}
