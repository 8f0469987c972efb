import { randomBytes } from 'node:crypto';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { mintTenantScope, tenantFlagFor, type TenantScope } from '../../core/tenant-scope.js';
import type { ApiTokenRecord } from '../../store/api-token-types.js';
import type { Store } from '../../store/store.js';
import type { Access, ApiCaller } from '../api/operation.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { createTokenInput, tokenRef } from './token-schemas.js';
import { hashToken, isTokenShaped, newTokenSecret } from './token-secret.js';

/*
 * Bearer tokens of the HTTP API and MCP (issue 12; docs/security.md "Tokens"). A token authenticates
 * its caller as its user in its tenant, with its access; this is where such a caller's scope is made.
 */

const docs = 'docs/security.md';

/** lastUsedAt is written at most this often per token: a request must not cost a durable write. */
export const tokenTouchIntervalMs = 60_000;

export interface NewTokenInput {
  name: string;
  user: string;
  access: Access;
}

/**
 * Makes a token for the scope's tenant: the token is in the result and nowhere else (the store keeps
 * its hash). A name a live token of the tenant has already is E_USAGE naming `name`.
 */
export async function createApiToken(store: Store, scope: TenantScope, input: NewTokenInput, now: number): Promise<{ token: string; record: ApiTokenRecord }> {
  const { name, user, access } = parseInput(createTokenInput, input, 'create a token', docs);
  const token = newTokenSecret();
  const record = await store.createApiToken(scope, { id: `tok_${randomBytes(6).toString('hex')}`, name, user, access, tokenHash: hashToken(token), createdAt: now });
  return { token, record };
}

/** The caller a token authenticates, or undefined for a malformed, unknown or revoked one. */
export async function authenticateToken(store: Store, token: string, now: number): Promise<ApiCaller | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const record = await store.findApiTokenByHash(hashToken(token));
  if (!record || record.revokedAt !== undefined) return undefined;
  const scope = mintTenantScope(record.tenant);
  if (record.lastUsedAt === undefined || now - record.lastUsedAt >= tokenTouchIntervalMs) await store.touchApiToken(scope, record.id, now);
  return { scope, user: record.user, access: record.access };
}

/** The tenant's tokens, newest first; revoked ones only with `includeRevoked`. */
export async function listApiTokens(store: Store, scope: TenantScope, options: { includeRevoked?: boolean } = {}): Promise<ApiTokenRecord[]> {
  const tokens = await store.listApiTokens(scope);
  return options.includeRevoked ? tokens : tokens.filter((token) => token.revokedAt === undefined);
}

/**
 * Revokes the tenant's token with this id, else its live token with this name (else the newest
 * revoked one with it). `revoked` is false when it was revoked already: revoking is idempotent.
 * Neither is E_TOKEN_NOT_FOUND naming what was given.
 */
export async function revokeApiToken(store: Store, scope: TenantScope, idOrName: string, now: number): Promise<{ record: ApiTokenRecord; revoked: boolean }> {
  const ref = parseInput(tokenRef, idOrName, 'revoke a token', docs);
  const tokens = await store.listApiTokens(scope);
  const found = tokens.find((token) => token.id === ref) ?? tokens.find((token) => token.name === ref && token.revokedAt === undefined) ?? tokens.find((token) => token.name === ref);
  if (!found) throw tokenNotFoundError(ref, scope.tenant);
  if (found.revokedAt !== undefined) return { record: found, revoked: false };
  const record = await store.revokeApiToken(scope, found.id, now);
  if (!record) throw tokenNotFoundError(ref, scope.tenant);
  return { record, revoked: record.revokedAt === now };
}

function tokenNotFoundError(ref: string, tenant: string): OrchestraError {
  return new OrchestraError(ErrorCode.TOKEN_NOT_FOUND, `no token "${ref}" in tenant "${tenant}"`, {
    hint: `\`orchestra token list${tenantFlagFor(tenant)}\` shows the tokens' ids and names.`,
  });
}
