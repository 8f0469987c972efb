import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import { apiTokenExistsError, apiTokenNameTakenError, compareApiTokensNewestFirst, createApiTokenRecord, validateNewApiToken } from '../api-token-rules.js';
import type { ApiTokenRecord, NewApiToken } from '../api-token-types.js';
import type { ApiTokenStore } from '../api-tokens.js';
import { MemoryWorkflowStore } from './memory-workflows.js';

/**
 * API tokens in memory (MemoryStore extends this), by the same rules as SQLite (api-token-rules.ts).
 * Each call runs synchronously inside one promise job, which makes the name check and insert atomic.
 */
export class MemoryApiTokenStore extends MemoryWorkflowStore implements ApiTokenStore {
  /** Token hash → the record. */
  private readonly apiTokens = new Map<string, ApiTokenRecord>();

  createApiToken(scope: TenantScope, token: NewApiToken): Promise<ApiTokenRecord> {
    return this.guard(() => {
      const tenant = tenantOf(scope);
      validateNewApiToken(token);
      const tokens = [...this.apiTokens.values()];
      if (this.apiTokens.has(token.tokenHash) || tokens.some((row) => row.tenant === tenant && row.id === token.id)) throw apiTokenExistsError(token.id);
      if (tokens.some((row) => row.tenant === tenant && row.name === token.name && row.revokedAt === undefined)) throw apiTokenNameTakenError(token.name);
      const record = createApiTokenRecord(tenant, token);
      this.apiTokens.set(token.tokenHash, record);
      return { ...record };
    });
  }

  listApiTokens(scope: TenantScope): Promise<ApiTokenRecord[]> {
    return this.guard(() => {
      const tenant = tenantOf(scope);
      return [...this.apiTokens.values()].filter((row) => row.tenant === tenant).sort(compareApiTokensNewestFirst).map((row) => ({ ...row }));
    });
  }

  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    return this.guard(() => {
      const row = this.apiTokens.get(tokenHash);
      return row && { ...row };
    });
  }

  revokeApiToken(scope: TenantScope, id: string, now: number): Promise<ApiTokenRecord | undefined> {
    return this.guard(() => {
      const row = this.tokenRow(tenantOf(scope), id);
      if (!row) return undefined;
      row.revokedAt ??= now;
      return { ...row };
    });
  }

  touchApiToken(scope: TenantScope, id: string, now: number): Promise<void> {
    return this.guard(() => {
      const row = this.tokenRow(tenantOf(scope), id);
      if (row && (row.lastUsedAt === undefined || row.lastUsedAt < now)) row.lastUsedAt = now;
    });
  }

  private tokenRow(tenant: string, id: string): ApiTokenRecord | undefined {
    return [...this.apiTokens.values()].find((row) => row.tenant === tenant && row.id === id);
  }
}
