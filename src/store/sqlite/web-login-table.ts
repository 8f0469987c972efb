import type Database from 'better-sqlite3';
import type { ApiTokenAccess } from '../api-token-types.js';
import { createWebLoginRecord, isWebLoginCodeUsable, validateNewWebLogin, webLoginExistsError, webLoginRetentionMs } from '../web-login-rules.js';
import type { NewWebLogin, WebLoginCodeUse, WebLoginKind, WebLoginRecord } from '../web-login-types.js';
import { isConstraintError } from './sqlite-errors.js';

interface WebLoginRow {
  tenant: string;
  id: string;
  kind: WebLoginKind;
  user: string;
  access: ApiTokenAccess;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

// Every column but the hash: it never leaves the table.
const columns = 'tenant, id, kind, user, access, created_at, expires_at, used_at';

/**
 * The SQL of the `web_logins` table (issue 15). A code is used by one UPDATE guarded by
 * `used_at IS NULL`, so two requests racing with one link cannot both get a session.
 */
export class WebLoginTable {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      insert: db.prepare(`INSERT INTO web_logins (tenant, id, kind, user, access, secret_hash, created_at, expires_at) VALUES (@tenant, @id, @kind, @user, @access, @secretHash, @createdAt, @expiresAt)`),
      forget: db.prepare<[number]>('DELETE FROM web_logins WHERE expires_at < ?'),
      byHash: db.prepare<[string, string], WebLoginRow>(`SELECT ${columns} FROM web_logins WHERE kind = ? AND secret_hash = ?`),
      use: db.prepare<[number, string, number]>("UPDATE web_logins SET used_at = ? WHERE kind = 'code' AND secret_hash = ? AND used_at IS NULL AND expires_at > ?"),
    };
  }

  create(tenant: string, login: NewWebLogin): WebLoginRecord {
    validateNewWebLogin(login);
    this.sql.forget.run(login.createdAt - webLoginRetentionMs);
    try {
      this.sql.insert.run({ ...login, tenant });
    } catch (error) {
      if (isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') || isConstraintError(error, 'SQLITE_CONSTRAINT_UNIQUE')) throw webLoginExistsError(login.id);
      throw error;
    }
    return createWebLoginRecord(tenant, login);
  }

  find(kind: WebLoginKind, secretHash: string): WebLoginRecord | undefined {
    const row = this.sql.byHash.get(kind, secretHash);
    return row && fromRow(row);
  }

  useCode(secretHash: string, now: number): WebLoginCodeUse | undefined {
    const before = this.find('code', secretHash);
    if (before === undefined || !isWebLoginCodeUsable(before, now)) return before && { login: before, used: false };
    const used = this.sql.use.run(now, secretHash, now).changes === 1;
    const after = this.find('code', secretHash);
    return after && { login: after, used };
  }
}

function fromRow(row: WebLoginRow): WebLoginRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    kind: row.kind,
    user: row.user,
    access: row.access,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.used_at !== null && { usedAt: row.used_at }),
  };
}
