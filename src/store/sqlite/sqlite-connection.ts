import type Database from 'better-sqlite3';
import { storeClosedError } from '../store-errors.js';
import { connectionSettings, type ConnectionSettings } from './connection-settings.js';
import { GroupCommit } from './group-commit.js';
import { toStoreError } from './sqlite-errors.js';
import { checkStoreHealth, type StoreHealth } from './store-health.js';

/**
 * One open SQLite file and its write queue, which every SqliteStore call goes through: `submit`
 * queues a write for the next group commit (group-commit.ts), `guard` runs a read or an
 * immediate write after committing what is queued, so every call sees the writes issued before it.
 */
export abstract class SqliteConnection {
  protected readonly writes: GroupCommit;

  constructor(
    protected readonly db: Database.Database,
    readonly path: string,
    protected readonly busyTimeoutMs: number,
  ) {
    this.writes = new GroupCommit(db, (error) => toStoreError(error, this.path, this.busyTimeoutMs));
  }

  /** The connection's effective settings, for `doctor`-style diagnostics and tests. */
  settings(): ConnectionSettings {
    if (!this.db.open) throw storeClosedError();
    return connectionSettings(this.db);
  }

  /** Checks every page, index and JSON row of the file (slow: for `doctor`, see store-health.ts). */
  checkHealth(): Promise<StoreHealth> {
    return this.guard(() => checkStoreHealth(this.db));
  }

  close(): Promise<void> {
    if (this.db.open) {
      this.writes.flush();
      this.db.close();
    }
    return Promise.resolve();
  }

  /** Queues a write for the next group commit; `durable` ones commit with synchronous=FULL. */
  protected submit<T>(isDurable: boolean, write: () => T): Promise<T> {
    if (!this.db.open) return Promise.reject(storeClosedError());
    return this.writes.submit(write, isDurable);
  }

  /** Runs a read now on what is committed, leaving the queued writes to their group commit. */
  protected committed<T>(read: () => T): Promise<T> {
    if (!this.db.open) return Promise.reject(storeClosedError());
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(toStoreError(error, this.path, this.busyTimeoutMs));
    }
  }

  /** Runs `work` now, after committing the queued writes so that it sees (and follows) them. */
  protected guard<T>(work: () => T): Promise<T> {
    if (!this.db.open) return Promise.reject(storeClosedError());
    try {
      this.writes.flush();
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(toStoreError(error, this.path, this.busyTimeoutMs));
    }
  }
}
