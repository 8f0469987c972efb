import type Database from 'better-sqlite3';
import { apiTokenExistsError, apiTokenNameTakenError, createApiTokenRecord, validateNewApiToken } from '../api-token-rules.js';
import type { ApiTokenAccess, ApiTokenRecord, NewApiToken } from '../api-token-types.js';
import { isConstraintError } from './sqlite-errors.js';

interface ApiTokenRow {
  tenant: string;
  id: string;
  name: string;
  user: string;
  access: ApiTokenAccess;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

// Every column but the hash: it never leaves the table.
const columns = 'tenant, id, name, user, access, created_at, last_used_at, revoked_at';

/**
 * The SQL of the `api_tokens` table (issue 12). The partial unique index on (tenant, name) of live
 * tokens is what keeps names unique, so two creations racing cannot both take one.
 */
export class ApiTokenTable {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      insert: db.prepare(`INSERT INTO api_tokens (tenant, id, name, user, access, token_hash, created_at) VALUES (@tenant, @id, @name, @user, @access, @tokenHash, @createdAt)`),
      liveName: db.prepare<[string, string], { id: string }>('SELECT id FROM api_tokens WHERE tenant = ? AND name = ? AND revoked_at IS NULL'),
      list: db.prepare<[string], ApiTokenRow>(`SELECT ${columns} FROM api_tokens WHERE tenant = ? ORDER BY created_at DESC, id DESC`),
      byHash: db.prepare<[string], ApiTokenRow>(`SELECT ${columns} FROM api_tokens WHERE token_hash = ?`),
      get: db.prepare<[string, string], ApiTokenRow>(`SELECT ${columns} FROM api_tokens WHERE tenant = ? AND id = ?`),
      revoke: db.prepare<[number, string, string]>('UPDATE api_tokens SET revoked_at = ? WHERE tenant = ? AND id = ? AND revoked_at IS NULL'),
      touch: db.prepare<[number, string, string, number]>('UPDATE api_tokens SET last_used_at = ? WHERE tenant = ? AND id = ? AND (last_used_at IS NULL OR last_used_at < ?)'),
    };
  }

  create(tenant: string, token: NewApiToken): ApiTokenRecord {
    validateNewApiToken(token);
    if (this.sql.liveName.get(tenant, token.name)) throw apiTokenNameTakenError(token.name);
    try {
      this.sql.insert.run({ ...token, tenant });
    } catch (error) {
      if (isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') || isConstraintError(error, 'SQLITE_CONSTRAINT_UNIQUE')) throw apiTokenExistsError(token.id);
      throw error;
    }
    return createApiTokenRecord(tenant, token);
  }

  list(tenant: string): ApiTokenRecord[] {
    return this.sql.list.all(tenant).map(fromRow);
  }

  findByHash(tokenHash: string): ApiTokenRecord | undefined {
    const row = this.sql.byHash.get(tokenHash);
    return row && fromRow(row);
  }

  revoke(tenant: string, id: string, now: number): ApiTokenRecord | undefined {
    this.sql.revoke.run(now, tenant, id);
    const row = this.sql.get.get(tenant, id);
    return row && fromRow(row);
  }

  touch(tenant: string, id: string, now: number): void {
    this.sql.touch.run(now, tenant, id, now);
  }
}

function fromRow(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    name: row.name,
    user: row.user,
    access: row.access,
    createdAt: row.created_at,
    ...(row.last_used_at !== null && { lastUsedAt: row.last_used_at }),
    ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
  };
}
