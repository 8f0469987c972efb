import type { Migration } from './migration.js';

/** The web dashboard (issue 15). Part of the append-only list in migrations.ts. */
export const webMigrations: readonly Migration[] = [
  {
    // One-time login codes and the dashboard sessions they become (src/store/web-logins.ts): only
    // the secret's SHA-256 is kept. Expired rows are deleted a day after they expire.
    name: 'web logins',
    sql: `
      CREATE TABLE web_logins (
        tenant      TEXT NOT NULL,
        id          TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('code', 'session')),
        user        TEXT NOT NULL,
        access      TEXT NOT NULL CHECK (access IN ('read', 'write', 'admin')),
        secret_hash TEXT NOT NULL UNIQUE,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        used_at     INTEGER,
        PRIMARY KEY (tenant, id)
      );
      CREATE INDEX web_logins_expiry ON web_logins (expires_at);
    `,
  },
  {
    // The runs list's cost column (runs.list costUsd): each listed run's agent turns summed in one
    // query. A partial index holds only agent.turn events, so no other event's insert pays for it.
    name: 'agent turns by run',
    sql: "CREATE INDEX events_agent_turns ON events (run_id) WHERE type = 'agent.turn';",
  },
];
