import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { newerSchemaError, readSchemaVersion } from './migrate.js';
import { migrations } from './migrations.js';
import { defaultBusyTimeoutMs, type SqliteStoreOptions } from './open-sqlite-store.js';
import { toStoreError } from './sqlite-errors.js';
import { prepareDatabaseFile } from './sqlite-file.js';

export interface SchemaStatus {
  path: string;
  /** False when no database file exists yet: the first command that opens the store creates it. */
  exists: boolean;
  /** The schema version recorded in the file; -1 for none. */
  current: number;
  /** The newest version this Orchestra knows (migrations are numbered from 0). */
  latest: number;
  applied: { version: number; name: string; appliedAt: number }[];
  pending: { version: number; name: string }[];
}

/**
 * `orchestra db status`: the file's schema version against this Orchestra's, read without
 * migrating (nor creating the file). A file from a newer Orchestra is E_STORE, naming both versions.
 */
export async function sqliteSchemaStatus(path: string, options: SqliteStoreOptions = {}): Promise<SchemaStatus> {
  const location = resolve(path);
  const latest = migrations.length - 1;
  const pendingFrom = (current: number) => migrations.slice(current + 1).map((migration, index) => ({ version: current + 1 + index, name: migration.name }));
  if (!existsSync(location)) return { path: location, exists: false, current: -1, latest, applied: [], pending: pendingFrom(-1) };
  await prepareDatabaseFile(location);
  const busyTimeoutMs = options.busyTimeoutMs ?? defaultBusyTimeoutMs;
  let db: Database.Database | undefined;
  try {
    db = new Database(location, { timeout: busyTimeoutMs });
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    const current = hasTable ? readSchemaVersion(db) : -1;
    if (current > latest) throw newerSchemaError(location, current, latest);
    const applied = hasTable
      ? db.prepare<[], { version: number; name: string; appliedAt: number }>('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all()
      : [];
    return { path: location, exists: true, current, latest, applied, pending: pendingFrom(current) };
  } catch (error) {
    throw toStoreError(error, location, busyTimeoutMs);
  } finally {
    db?.close();
  }
}
