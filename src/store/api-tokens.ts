import type { TenantScope } from '../core/tenant-scope.js';
import type { ApiTokenRecord, NewApiToken } from './api-token-types.js';

/**
 * The API-token part of the Store (issue 12; api-token-types.ts). Everything but the lookup by hash
 * takes the caller's TenantScope: the lookup is how a request is authenticated, before there is a
 * scope. Conformance: conformance/api-tokens.case.ts, run against every Store.
 */
export interface ApiTokenStore {
  /**
   * Stores a live token. A name one of the tenant's live tokens has is E_USAGE (apiTokenNameTakenError),
   * checked in the same transaction as the insert; an id or hash that exists is E_STORE. Nothing is written on either.
   */
  createApiToken(scope: TenantScope, token: NewApiToken): Promise<ApiTokenRecord>;
  /** The tenant's tokens, revoked ones too, newest first. */
  listApiTokens(scope: TenantScope): Promise<ApiTokenRecord[]>;
  /** Across tenants: the token with this hash, revoked or not (the caller checks `revokedAt`). */
  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /**
   * Revokes the tenant's token `id` at `now` and returns it; one revoked already keeps its first
   * revocation time. Undefined, writing nothing, when the tenant has no token with this id.
   */
  revokeApiToken(scope: TenantScope, id: string, now: number): Promise<ApiTokenRecord | undefined>;
  /** Sets the token's lastUsedAt to `now` unless it is already at or after it (a no-op for an unknown id). */
  touchApiToken(scope: TenantScope, id: string, now: number): Promise<void>;
}
