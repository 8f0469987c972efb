import { feedSchemaSql } from './feed-schema.js';
import type { Migration } from './migration.js';

/*
 * The feed's kinds are a CHECK constraint, which SQLite cannot alter: the table is rebuilt with
 * `guided` added, keeping every row, its id and the AUTOINCREMENT counter (ids are never reused).
 * The triggers that write the feed are dropped first and made again as shipped in the `event feed`
 * migration (taken from its text, which never changes), so no trigger ever names a missing table.
 */
const shippedFeedTriggers = feedSchemaSql.slice(feedSchemaSql.indexOf('CREATE TRIGGER'));
const dropShippedFeedTriggers = [...shippedFeedTriggers.matchAll(/CREATE TRIGGER (\w+)/g)].map((match) => `DROP TRIGGER ${match[1] ?? ''};`).join('\n');

/** Guided workflows (issue 13, src/store/guided.ts). Part of the append-only list in migrations.ts. */
export const guidedMigrations: readonly Migration[] = [
  {
    // Instances keyed by tenant first, like every tenant-owned row; the instance itself is JSON, the
    // columns are what queries and the feed's triggers need. History and decisions are append-only.
    name: 'guided workflows',
    sql: `
      CREATE TABLE guided_instances (
        tenant        TEXT NOT NULL,
        id            TEXT NOT NULL,
        workflow_name TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('running', 'waiting', 'completed', 'failed')),
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        version       INTEGER NOT NULL,
        instance_json TEXT NOT NULL,
        PRIMARY KEY (tenant, id)
      );
      CREATE INDEX guided_instances_by_time ON guided_instances (tenant, created_at DESC, id DESC);

      CREATE TABLE guided_history (
        tenant      TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        entry_json  TEXT NOT NULL,
        PRIMARY KEY (tenant, instance_id, seq),
        FOREIGN KEY (tenant, instance_id) REFERENCES guided_instances (tenant, id) ON DELETE CASCADE
      );

      CREATE TABLE guided_decisions (
        tenant        TEXT NOT NULL,
        instance_id   TEXT NOT NULL,
        seq           INTEGER NOT NULL,
        decision_json TEXT NOT NULL,
        PRIMARY KEY (tenant, instance_id, seq),
        FOREIGN KEY (tenant, instance_id) REFERENCES guided_instances (tenant, id) ON DELETE CASCADE
      );

      ${dropShippedFeedTriggers}
      CREATE TABLE feed_next (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant    TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('run', 'human_task', 'workflow', 'task', 'guided')),
        subject   TEXT NOT NULL,
        type      TEXT NOT NULL,
        at        INTEGER NOT NULL,
        data_json TEXT NOT NULL
      );
      INSERT INTO feed_next (id, tenant, kind, subject, type, at, data_json) SELECT id, tenant, kind, subject, type, at, data_json FROM feed;
      DELETE FROM sqlite_sequence WHERE name = 'feed_next';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'feed_next', seq FROM sqlite_sequence WHERE name = 'feed';
      DROP TABLE feed;
      ALTER TABLE feed_next RENAME TO feed;
      CREATE INDEX feed_by_tenant ON feed (tenant, id);
      CREATE INDEX feed_by_subject ON feed (tenant, kind, subject, id);
      CREATE INDEX feed_by_time ON feed (at);
      ${shippedFeedTriggers}

      CREATE TRIGGER feed_guided_started AFTER INSERT ON guided_instances BEGIN
        INSERT INTO feed (tenant, kind, subject, type, at, data_json)
        VALUES (NEW.tenant, 'guided', NEW.id, 'guided.started', NEW.created_at,
          json_object('guidedId', NEW.id, 'name', NEW.workflow_name, 'step', json_extract(NEW.instance_json, '$.currentStep'), 'status', NEW.status));
      END;

      CREATE TRIGGER feed_guided_changed AFTER UPDATE OF version ON guided_instances WHEN OLD.version IS NOT NEW.version BEGIN
        INSERT INTO feed (tenant, kind, subject, type, at, data_json)
        VALUES (NEW.tenant, 'guided', NEW.id, CASE WHEN OLD.status IS NOT NEW.status THEN 'guided.' || NEW.status ELSE 'guided.step' END, NEW.updated_at,
          json_object('guidedId', NEW.id, 'name', NEW.workflow_name, 'step', json_extract(NEW.instance_json, '$.currentStep'), 'status', NEW.status,
            'previousStatus', OLD.status, 'version', NEW.version));
      END;
    `,
  },
];
