import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, readSchemaVersion } from './migrate.js';
import type { Migration } from './migrations.js';
import { migrations } from './migrations.js';

const one: Migration = { name: 'a', sql: 'CREATE TABLE a (x INTEGER)' };
const two: Migration = { name: 'b', sql: 'CREATE TABLE b (y INTEGER)' };
const broken: Migration = { name: 'broken', sql: 'CREATE TABLE c (z INTEGER); CREATE TABLE a (again INTEGER)' };

const tables = (db: Database.Database) =>
  db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b', 'c') ORDER BY name").pluck().all();

describe('applyMigrations', () => {
  let db: Database.Database;
  afterEach(() => db.close());

  it('applies every migration in order and records each version by its index', () => {
    db = new Database(':memory:');
    expect(applyMigrations(db, [one, two], 'mem.db', 42)).toEqual([0, 1]);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(db.prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 0, name: 'a', appliedAt: 42 },
      { version: 1, name: 'b', appliedAt: 42 },
    ]);
  });

  it('applies only the migrations appended since the last open', () => {
    db = new Database(':memory:');
    applyMigrations(db, [one], 'mem.db');
    expect(applyMigrations(db, [one], 'mem.db')).toEqual([]);
    expect(applyMigrations(db, [one, two], 'mem.db')).toEqual([1]);
    expect(readSchemaVersion(db)).toBe(1);
  });

  it('rolls back the whole batch when a migration fails', () => {
    db = new Database(':memory:');
    expect(() => applyMigrations(db, [one, two, broken], 'mem.db')).toThrow('table a already exists');
    expect(tables(db)).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'").pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer schema, naming both versions', () => {
    db = new Database(':memory:');
    applyMigrations(db, [one, two], 'mem.db');
    expect(() => applyMigrations(db, [one], '/data/orchestra.db')).toThrow(
      expect.objectContaining({
        code: 'E_STORE',
        message: 'database /data/orchestra.db has schema version 1, newer than this Orchestra supports (0)',
        hint: 'A newer Orchestra wrote it: upgrade Orchestra (npm install -g orchestra@latest), or set ORCHESTRA_HOME to use another database.',
      }),
    );
  });

  it('the shipped schema applies cleanly and passes SQLite checks', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(applyMigrations(db, migrations, 'mem.db')).toEqual(migrations.map((_, index) => index));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('issue 10: a run stored before runs had a tenant is in the default tenant after the upgrade', () => {
    db = new Database(':memory:');
    const tenantMigration = migrations.findIndex((migration) => migration.name === 'run tenant');
    expect(tenantMigration).toBeGreaterThan(0);
    applyMigrations(db, migrations.slice(0, tenantMigration), 'mem.db');
    db.prepare(
      `INSERT INTO runs (id, pipeline, file, source, goal, state, logs_root, variables_json, options_json, started_at, updated_at)
       VALUES ('old', 'P', '/p.dot', 'digraph P {}', '', 'interrupted', '/runs/old', '{}', '{}', 1, 1)`,
    ).run();
    applyMigrations(db, migrations, 'mem.db');
    expect(db.prepare('SELECT tenant FROM runs WHERE id = ?').pluck().get('old')).toBe('default');
  });
});

