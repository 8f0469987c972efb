import type { Migration } from './migration.js';

/** Human tasks, notifications, timers, run tenants and code-first workflows (issues 10 and 11). Part of the append-only list in migrations.ts. */
export const workMigrations: readonly Migration[] = [
  {
    // Human tasks and their history (issue 10, src/store/human-tasks.ts). Keyed by tenant first: a
    // query names its tenant, and the same id in two tenants is two tasks.
    name: 'human tasks',
    sql: `
      CREATE TABLE human_tasks (
        tenant             TEXT NOT NULL,
        id                 TEXT NOT NULL,
        title              TEXT NOT NULL,
        description        TEXT NOT NULL,
        form_json          TEXT NOT NULL,
        context_json       TEXT NOT NULL,
        assignee_kind      TEXT CHECK (assignee_kind IN ('user', 'group')),
        assignee_id        TEXT,
        priority           TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        status             TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'completed', 'expired', 'cancelled')),
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL,
        due_at             INTEGER,
        escalation_json    TEXT NOT NULL,
        created_by_json    TEXT NOT NULL,
        claimed_by         TEXT,
        answer_json        TEXT,
        answered_by        TEXT,
        answered_at        INTEGER,
        answer_consumed_at INTEGER,
        version            INTEGER NOT NULL,
        PRIMARY KEY (tenant, id)
      );
      CREATE INDEX human_tasks_by_due ON human_tasks (tenant, due_at IS NULL, COALESCE(due_at, 0), created_at, id);

      CREATE TABLE human_task_history (
        tenant      TEXT NOT NULL,
        task_id     TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        at          INTEGER NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        detail_json TEXT,
        PRIMARY KEY (tenant, task_id, seq),
        FOREIGN KEY (tenant, task_id) REFERENCES human_tasks (tenant, id) ON DELETE CASCADE
      );
    `,
  },
  {
    // The notification outbox and delivery log (issue 10, src/store/outbox.ts): one row per notice and channel.
    name: 'notification outbox',
    sql: `
      CREATE TABLE outbox (
        id               TEXT PRIMARY KEY,
        tenant           TEXT NOT NULL,
        channel          TEXT NOT NULL,
        event            TEXT NOT NULL,
        task_id          TEXT NOT NULL,
        payload_json     TEXT NOT NULL,
        created_at       INTEGER NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER,
        last_attempt_at  INTEGER,
        last_error       TEXT,
        delivered_at     INTEGER,
        lease_owner      TEXT,
        lease_expires_at INTEGER
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at, created_at) WHERE status IN ('pending', 'failed');
      CREATE INDEX outbox_by_tenant ON outbox (tenant, created_at DESC, id DESC);
    `,
  },
  {
    // Durable timers (issue 10's SLA escalations, issue 11's sleep(); src/store/timers.ts) and the
    // escalation chain a human task carries from its creation. A claim is claimed_by + lease_until.
    name: 'timers, escalation chains',
    sql: `
      CREATE TABLE timers (
        tenant       TEXT NOT NULL,
        id           TEXT NOT NULL,
        kind         TEXT NOT NULL,
        subject_id   TEXT NOT NULL,
        due_at       INTEGER NOT NULL,
        payload_json TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        fired_at     INTEGER,
        claimed_by   TEXT,
        lease_until  INTEGER,
        attempts     INTEGER NOT NULL,
        PRIMARY KEY (tenant, id)
      );
      -- What a sweep reads: pending timers by due time.
      CREATE INDEX timers_pending ON timers (due_at, tenant, id) WHERE fired_at IS NULL;
      CREATE INDEX timers_by_subject ON timers (tenant, subject_id, due_at);

      ALTER TABLE human_tasks ADD COLUMN escalation_chain_json TEXT;
    `,
  },
  {
    // Notices are delivered with the settings their enqueuer routed them by (issue 10, docs/notifications.md):
    // the channel's resolved settings with each outbox row (no secrets: only the names of the variables
    // holding them), and the routing a task was created under, so the daemon's escalations route alike.
    name: 'outbox channel targets, notice routing per task',
    sql: `
      ALTER TABLE outbox ADD COLUMN target_json TEXT;
      CREATE TABLE notice_routing (
        tenant       TEXT NOT NULL,
        task_id      TEXT NOT NULL,
        routing_json TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (tenant, task_id)
      );
    `,
  },
  {
    // The tenant a run was started in (issue 10): the daemon resumes an answered gate's run there.
    // Runs made before it were started in the only tenant there was then.
    name: 'run tenant',
    sql: `ALTER TABLE runs ADD COLUMN tenant TEXT NOT NULL DEFAULT 'default';`,
  },
  {
    // Code-first workflows (issue 11, src/store/workflows.ts): instances (the JSON is the record; the
    // columns are what queries filter on), their journals (a taken position is a primary-key
    // conflict: the exactly-once guard) and the signals kept until a waitForSignal consumes them.
    name: 'workflow instances, journals, signals',
    sql: `
      CREATE TABLE workflow_instances (
        tenant           TEXT NOT NULL,
        id               TEXT NOT NULL,
        name             TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('running', 'waiting', 'completed', 'failed', 'cancelled')),
        parent_id        TEXT,
        cleanup_pending  INTEGER NOT NULL DEFAULT 0,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        lease_owner      TEXT,
        lease_expires_at INTEGER,
        instance_json    TEXT NOT NULL,
        PRIMARY KEY (tenant, id)
      );
      CREATE INDEX workflow_instances_by_created ON workflow_instances (tenant, created_at DESC, id DESC);
      -- What a worker's claim reads: instances with work to do, longest waiting first.
      CREATE INDEX workflow_instances_runnable ON workflow_instances (updated_at, tenant, id) WHERE status = 'running' OR cleanup_pending = 1;

      CREATE TABLE workflow_journal (
        tenant      TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        position    INTEGER NOT NULL,
        entry_json  TEXT NOT NULL,
        PRIMARY KEY (tenant, instance_id, position)
      ) WITHOUT ROWID;

      CREATE TABLE workflow_signals (
        tenant       TEXT NOT NULL,
        instance_id  TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        name         TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        sent_at      INTEGER NOT NULL,
        consumed_at  INTEGER,
        consumed_by  INTEGER,
        PRIMARY KEY (tenant, instance_id, seq)
      );
      CREATE INDEX workflow_signals_pending ON workflow_signals (tenant, instance_id, name, seq) WHERE consumed_at IS NULL;
    `,
  },
  {
    // A human task's kind (issue 10): `form` (one answer), or `chat` (one turn of an interactive node's conversation).
    name: 'human task kinds',
    sql: `
      ALTER TABLE human_tasks ADD COLUMN kind TEXT NOT NULL DEFAULT 'form' CHECK (kind IN ('form', 'chat'));
    `,
  },
];
