import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { applyMigrations } from './migrate.js';
import { migrations } from './migrations.js';
import { toStoreError } from './sqlite-errors.js';
import { isTransientPath, prepareDatabaseFile } from './sqlite-file.js';
import { SqliteStore } from './sqlite-store.js';

export interface SqliteStoreOptions {
  /** How long a write waits for another process's lock before failing. Default 5 s. */
  busyTimeoutMs?: number;
}

export const defaultBusyTimeoutMs = 5_000;

/**
 * Opens (creating when needed) the SQLite store at `path` and brings its schema up to date.
 * Several processes may open the same file: a running `orchestra run`, `status`, `attach`.
 * Returns a SqliteStore (a Store, plus `settings()` for diagnostics).
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const { db, location, busyTimeoutMs } = await openMigrated(path, options);
  return new SqliteStore(db, location, busyTimeoutMs);
}

/**
 * `orchestra db migrate`: brings the file's schema up to date, as every open does, and returns the
 * versions this call applied (none when another process got there first: see applyMigrations).
 */
export async function migrateSqliteFile(path: string, options: SqliteStoreOptions = {}): Promise<number[]> {
  const { db, applied } = await openMigrated(path, options);
  db.close();
  return applied;
}

async function openMigrated(path: string, options: SqliteStoreOptions): Promise<{ db: Database.Database; location: string; busyTimeoutMs: number; applied: number[] }> {
  const busyTimeoutMs = options.busyTimeoutMs ?? defaultBusyTimeoutMs;
  const location = isTransientPath(path) ? path : resolve(path);
  await prepareDatabaseFile(location);
  let db: Database.Database | undefined;
  try {
    db = new Database(location, { timeout: busyTimeoutMs });
    // WAL lets readers (status, attach) proceed while a run writes. NORMAL commits survive a
    // crashed or killed process; the store raises it to FULL for the commits that must also survive
    // power loss (checkpoints, run state), and since the WAL is written in order, that fsync makes
    // every earlier commit durable too.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const applied = applyMigrations(db, migrations, location);
    return { db, location, busyTimeoutMs, applied };
  } catch (error) {
    db?.close();
    throw toStoreError(error, location, busyTimeoutMs);
  }
}
