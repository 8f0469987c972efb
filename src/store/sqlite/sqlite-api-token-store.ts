import type Database from 'better-sqlite3';
import { tenantOf } from '../../core/tenant-scope.js';
import type { ApiTokenStore } from '../api-tokens.js';
import { ApiTokenTable } from './api-token-table.js';
import { SqliteWorkflowStore } from './sqlite-workflow-store.js';

// A token shown to its user must still be there after a power cut, and so must its revocation.
const durable = true;
// lastUsedAt is a hint for `token list`: a lost update is harmless.
const ordinary = false;

/** The API-token part of the SQLite store (SqliteStore extends it; api-token-table.ts does the rows). */
export abstract class SqliteApiTokenStore extends SqliteWorkflowStore implements ApiTokenStore {
  private readonly apiTokens: ApiTokenTable;

  constructor(db: Database.Database, path: string, busyTimeoutMs: number) {
    super(db, path, busyTimeoutMs);
    this.apiTokens = new ApiTokenTable(db);
  }

  createApiToken: ApiTokenStore['createApiToken'] = (scope, token) => this.submit(durable, () => this.apiTokens.create(tenantOf(scope), token));
  listApiTokens: ApiTokenStore['listApiTokens'] = (scope) => this.guard(() => this.apiTokens.list(tenantOf(scope)));
  findApiTokenByHash: ApiTokenStore['findApiTokenByHash'] = (tokenHash) => this.committed(() => this.apiTokens.findByHash(tokenHash));
  revokeApiToken: ApiTokenStore['revokeApiToken'] = (scope, id, now) => this.submit(durable, () => this.apiTokens.revoke(tenantOf(scope), id, now));
  touchApiToken: ApiTokenStore['touchApiToken'] = (scope, id, now) => this.submit(ordinary, () => this.apiTokens.touch(tenantOf(scope), id, now));
}
