import type { Migration } from './migration.js';

/** The run engine's tables (runs, checkpoints, events, node records, leases, processes, branch steps, run files). Part of the append-only list in migrations.ts. */
export const runMigrations: readonly Migration[] = [
  {
    name: 'runs, checkpoints, events, node records, leases',
    sql: `
      CREATE TABLE runs (
        id                TEXT PRIMARY KEY,
        pipeline          TEXT NOT NULL,
        file              TEXT NOT NULL,
        source            TEXT NOT NULL,
        goal              TEXT NOT NULL,
        state             TEXT NOT NULL CHECK (state IN ('running', 'interrupted', 'completed', 'failed')),
        current_node      TEXT,
        logs_root         TEXT NOT NULL,
        variables_json    TEXT NOT NULL,
        options_json      TEXT NOT NULL,
        parent_run_id     TEXT,
        parent_checkpoint INTEGER,
        started_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        finished_at       INTEGER,
        outcome           TEXT,
        error             TEXT
      );
      CREATE INDEX runs_by_start ON runs (started_at DESC, id DESC);
      CREATE INDEX runs_by_state ON runs (state, started_at DESC, id DESC);

      CREATE TABLE checkpoints (
        run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        current_node TEXT NOT NULL,
        next_node    TEXT,
        at           INTEGER NOT NULL,
        json         TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );

      CREATE TABLE events (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq    INTEGER NOT NULL,
        type   TEXT NOT NULL,
        at     INTEGER NOT NULL,
        json   TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );

      CREATE TABLE node_records (
        run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        idx            INTEGER NOT NULL,
        node_id        TEXT NOT NULL,
        attempt        INTEGER NOT NULL,
        status         TEXT NOT NULL,
        handler        TEXT NOT NULL,
        started_at     INTEGER NOT NULL,
        finished_at    INTEGER,
        notes          TEXT,
        failure_reason TEXT,
        PRIMARY KEY (run_id, idx)
      );

      -- No foreign key: a lease is a lock on a run id, taken before or after the run row exists.
      CREATE TABLE leases (
        run_id     TEXT PRIMARY KEY,
        owner      TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    // A row with base_seq holds only what changed since checkpoint base_seq (checkpoint-delta.ts).
    name: 'checkpoint deltas',
    sql: 'ALTER TABLE checkpoints ADD COLUMN base_seq INTEGER;',
  },
  {
    // Process groups nodes started, recorded before they run (src/store/node-process.ts).
    name: 'node processes',
    sql: `
      CREATE TABLE node_processes (
        run_id     TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        pid        INTEGER NOT NULL,
        start_time TEXT,
        host       TEXT NOT NULL,
        node_id    TEXT NOT NULL,
        attempt    INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, pid)
      );
    `,
  },
  {
    // Nodes finished inside parallel branches, so that resume replays them (issue 8.10, branch-steps.ts).
    name: 'branch steps',
    sql: `
      CREATE TABLE branch_steps (
        run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        checkpoint_seq INTEGER NOT NULL,
        branch         TEXT NOT NULL,
        step           INTEGER NOT NULL,
        node_id        TEXT NOT NULL,
        at             INTEGER NOT NULL,
        json           TEXT NOT NULL,
        PRIMARY KEY (run_id, checkpoint_seq, branch, step)
      );
    `,
  },
  {
    // The run directory's files (prompt.md, status.json, ...): the directory is their mirror (run-file.ts).
    name: 'run files',
    sql: `
      CREATE TABLE run_files (
        run_id  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        path    TEXT NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (run_id, path)
      );
    `,
  },
];
