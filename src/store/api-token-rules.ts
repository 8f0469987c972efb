import { ErrorCode, OrchestraError } from '../core/errors.js';
import { ApiTokenAccesses, type ApiTokenRecord, type NewApiToken } from './api-token-types.js';
import { invalidInputError } from './store-errors.js';

/* The rules every Store applies to API tokens (api-tokens.ts), so SQLite and memory agree. */

const hashPattern = /^[0-9a-f]{64}$/;

/** Throws E_STORE (a bug in the caller) unless the token is complete; the services validate people's input. */
export function validateNewApiToken(token: NewApiToken): void {
  const what = `API token "${token.id}"`;
  if (token.id === '' || token.name === '' || token.user === '') throw invalidInputError(what, 'needs an id, a name and a user');
  if (!ApiTokenAccesses.includes(token.access)) throw invalidInputError(what, `has access "${token.access}", not one of ${ApiTokenAccesses.join(', ')}`);
  if (!hashPattern.test(token.tokenHash)) throw invalidInputError(what, 'needs the SHA-256 of the token as 64 lowercase hex digits');
  if (!Number.isSafeInteger(token.createdAt)) throw invalidInputError(what, 'needs createdAt in epoch milliseconds');
}

/** The record a new token becomes (its hash left out: it never leaves the store). */
export function createApiTokenRecord(tenant: string, token: NewApiToken): ApiTokenRecord {
  const { id, name, user, access, createdAt } = token;
  return { id, tenant, name, user, access, createdAt };
}

/** The name is a live token's already: E_USAGE naming the field, as a person chose it. */
export function apiTokenNameTakenError(name: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `name: a live token of this tenant is named "${name}" already`, {
    hint: `Choose another name, or revoke the old token first (\`orchestra token revoke ${name}\`).`,
  });
}

export function apiTokenExistsError(id: string): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `API token "${id}" (or its hash) already exists`, {
    hint: 'This is a bug in the caller of the store: token ids and tokens are made fresh for each token.',
  });
}

/** Newest first, ties by id, the order listApiTokens returns. */
export function compareApiTokensNewestFirst(a: ApiTokenRecord, b: ApiTokenRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
