import type Database from 'better-sqlite3';
import { validateRunFiles, type RunFile } from '../run-file.js';
import { runNotFoundError } from '../store-errors.js';
import { isConstraintError } from './sqlite-errors.js';

/** The SQL of the `run_files` table (kept out of sqlite-store.ts, which is near its size limit). */
export class RunFileRows {
  private readonly upsert;
  private readonly list;

  constructor(db: Database.Database) {
    this.upsert = db.prepare<[string, string, string], void>('INSERT OR REPLACE INTO run_files (run_id, path, content) VALUES (?, ?, ?)');
    this.list = db.prepare<[string], RunFile>('SELECT path, content FROM run_files WHERE run_id = ? ORDER BY path');
  }

  put(runId: string, files: readonly RunFile[]): void {
    validateRunFiles(runId, files);
    try {
      for (const file of files) this.upsert.run(runId, file.path, file.content);
    } catch (error) {
      throw isConstraintError(error, 'SQLITE_CONSTRAINT_FOREIGNKEY') ? runNotFoundError(runId) : error;
    }
  }

  all(runId: string): RunFile[] {
    return this.list.all(runId);
  }
}
