import type Database from 'better-sqlite3';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Migration } from './migrations.js';

/** The highest schema version recorded in the database, or -1 for a database without one. */
export function readSchemaVersion(db: Database.Database): number {
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? -1;
}

/**
 * Brings the schema up to `migrations.length - 1` in one IMMEDIATE transaction, so two processes
 * opening a fresh database at once apply each migration exactly once. Returns the versions applied.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], path: string, now: number = Date.now()): number[] {
  const migrate = db.transaction((): number[] => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const current = readSchemaVersion(db);
    const latest = migrations.length - 1;
    if (current > latest) throw newerSchemaError(path, current, latest);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (let version = current + 1; version <= latest; version++) {
      const migration = migrations[version] as Migration;
      db.exec(migration.sql);
      record.run(version, migration.name, now);
      applied.push(version);
    }
    return applied;
  });
  return migrate.immediate();
}

/** The store was written by a newer Orchestra: its schema has versions this one does not know. */
export function newerSchemaError(path: string, found: number, supported: number): OrchestraError {
  return new OrchestraError(
    ErrorCode.STORE,
    `database ${path} has schema version ${found}, newer than this Orchestra supports (${supported})`,
    { hint: 'A newer Orchestra wrote it: upgrade Orchestra (npm install -g orchestra@latest), or set ORCHESTRA_HOME to use another database.' },
  );
}
