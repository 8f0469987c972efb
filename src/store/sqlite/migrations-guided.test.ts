import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate.js';
import { migrations } from './migrations.js';

describe('the guided workflows migration', () => {
  let db: Database.Database;
  afterEach(() => db.close());

  it('issue 13: rebuilds the feed with kind guided, keeping its rows, ids, counter and triggers', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const feedVersion = migrations.findIndex((migration) => migration.name === 'event feed');
    applyMigrations(db, migrations.slice(0, feedVersion + 1), 'mem.db');
    const insert = db.prepare("INSERT INTO feed (tenant, kind, subject, type, at, data_json) VALUES ('acme', 'task', ?, 'task.status', 1, '{}')");
    for (const subject of ['1', '2', '3']) insert.run(subject);
    db.prepare('DELETE FROM feed WHERE id = 3').run();

    applyMigrations(db, migrations, 'mem.db');
    expect(db.prepare('SELECT id, subject FROM feed ORDER BY id').all()).toEqual([{ id: 1, subject: '1' }, { id: 2, subject: '2' }]);
    // Ids are never reused: the next one follows the pruned 3.
    db.prepare("INSERT INTO feed (tenant, kind, subject, type, at, data_json) VALUES ('acme', 'guided', 'g1', 'guided.step', 2, '{}')").run();
    expect(db.prepare("SELECT id FROM feed WHERE kind = 'guided'").pluck().get()).toBe(4);
    expect(() => db.prepare("INSERT INTO feed (tenant, kind, subject, type, at, data_json) VALUES ('acme', 'nope', 'x', 'x', 2, '{}')").run()).toThrow(/CHECK/);
    // The shipped triggers still feed it.
    db.prepare("INSERT INTO workflow_instances (tenant, id, name, status, created_at, updated_at, instance_json) VALUES ('acme', 'w1', 'flow', 'running', 5, 5, '{}')").run();
    expect(db.prepare("SELECT type FROM feed WHERE kind = 'workflow'").pluck().all()).toEqual(['workflow.started']);
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    expect(triggers).toEqual(['feed_guided_changed', 'feed_guided_started', 'feed_human_task', 'feed_run_event', 'feed_workflow_started', 'feed_workflow_status', 'feed_workflow_step']);
  });
});
