import { feedSchemaSql } from './feed-schema.js';
import type { Migration } from './migration.js';

/** The HTTP API and MCP (issue 12): tokens and the event feed. Part of the append-only list in migrations.ts. */
export const apiMigrations: readonly Migration[] = [
  {
    // Bearer tokens of the HTTP API and MCP (issue 12, src/store/api-tokens.ts): only the token's
    // SHA-256 is kept. A revoked token stays listed; names are unique among a tenant's live tokens.
    name: 'api tokens',
    sql: `
      CREATE TABLE api_tokens (
        tenant       TEXT NOT NULL,
        id           TEXT NOT NULL,
        name         TEXT NOT NULL,
        user         TEXT NOT NULL,
        access       TEXT NOT NULL CHECK (access IN ('read', 'write', 'admin')),
        token_hash   TEXT NOT NULL UNIQUE,
        created_at   INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at   INTEGER,
        PRIMARY KEY (tenant, id)
      );
      CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (tenant, name) WHERE revoked_at IS NULL;
    `,
  },
  {
    // The event feed the API's SSE stream serves (issue 12, src/store/feed.ts), filled by triggers.
    name: 'event feed',
    sql: feedSchemaSql,
  },
];
