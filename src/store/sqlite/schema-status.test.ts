import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate.js';
import { migrations } from './migrations.js';
import { migrateSqliteFile } from './open-sqlite-store.js';
import { sqliteSchemaStatus } from './schema-status.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'orchestra-schema-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const latest = migrations.length - 1;
const all = migrations.map((migration, version) => ({ version, name: migration.name }));

describe('issue 11: the store schema, read and migrated on demand', () => {
  it('a missing file: every migration pending, and the file is not created by looking', async () => {
    const path = join(dir, 'orchestra.db');
    expect(await sqliteSchemaStatus(path)).toEqual({ path, exists: false, current: -1, latest, applied: [], pending: all });
    expect(existsSync(path)).toBe(false);
  });

  it('an older file: the versions it lacks are pending; migrate applies exactly those, then nothing', async () => {
    const path = join(dir, 'orchestra.db');
    const db = new Database(path);
    applyMigrations(db, migrations.slice(0, 2), path, 1234);
    db.close();
    const before = await sqliteSchemaStatus(path);
    expect(before).toMatchObject({ exists: true, current: 1, latest, pending: all.slice(2) });
    expect(before.applied).toEqual(all.slice(0, 2).map((entry) => ({ ...entry, appliedAt: 1234 })));
    expect(await migrateSqliteFile(path)).toEqual(all.slice(2).map((entry) => entry.version));
    expect(await sqliteSchemaStatus(path)).toMatchObject({ current: latest, pending: [] });
    expect(await migrateSqliteFile(path)).toEqual([]);
  });

  it('a file from a newer Orchestra: E_STORE naming both versions, for status and migrate alike', async () => {
    const path = join(dir, 'orchestra.db');
    await migrateSqliteFile(path);
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(latest + 1, 'from the future', 0);
    db.close();
    const newer = expect.objectContaining({
      code: 'E_STORE',
      message: `database ${path} has schema version ${latest + 1}, newer than this Orchestra supports (${latest})`,
    });
    await expect(sqliteSchemaStatus(path)).rejects.toThrow(newer);
    await expect(migrateSqliteFile(path)).rejects.toThrow(newer);
  });
});
