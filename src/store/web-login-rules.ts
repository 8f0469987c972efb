import { ErrorCode, OrchestraError } from '../core/errors.js';
import { ApiTokenAccesses } from './api-token-types.js';
import { invalidInputError } from './store-errors.js';
import { WebLoginKinds, type NewWebLogin, type WebLoginRecord } from './web-login-types.js';

/* The rules every Store applies to web logins (web-logins.ts), so SQLite and memory agree. */

const hashPattern = /^[0-9a-f]{64}$/;

/** Expired logins are kept this long (for a clear "expired" page), then forgotten. */
export const webLoginRetentionMs = 24 * 60 * 60 * 1000;

/** Throws E_STORE (a bug in the caller) unless the login is complete. */
export function validateNewWebLogin(login: NewWebLogin): void {
  const what = `web login "${login.id}"`;
  if (login.id === '' || login.user === '') throw invalidInputError(what, 'needs an id and a user');
  if (!WebLoginKinds.includes(login.kind)) throw invalidInputError(what, `has kind "${login.kind}", not one of ${WebLoginKinds.join(', ')}`);
  if (!ApiTokenAccesses.includes(login.access)) throw invalidInputError(what, `has access "${login.access}", not one of ${ApiTokenAccesses.join(', ')}`);
  if (!hashPattern.test(login.secretHash)) throw invalidInputError(what, 'needs the SHA-256 of its secret as 64 lowercase hex digits');
  if (!Number.isSafeInteger(login.createdAt) || !Number.isSafeInteger(login.expiresAt)) throw invalidInputError(what, 'needs createdAt and expiresAt in epoch milliseconds');
}

/** The record a new login becomes (its hash left out: it never leaves the store). */
export function createWebLoginRecord(tenant: string, login: NewWebLogin): WebLoginRecord {
  const { id, kind, user, access, createdAt, expiresAt } = login;
  return { id, tenant, kind, user, access, createdAt, expiresAt };
}

/** Whether a code may be used at `now`: never used, and not yet expired. */
export function isWebLoginCodeUsable(login: WebLoginRecord, now: number): boolean {
  return login.kind === 'code' && login.usedAt === undefined && now < login.expiresAt;
}

export function webLoginExistsError(id: string): OrchestraError {
  return new OrchestraError(ErrorCode.STORE, `web login "${id}" (or its hash) already exists`, {
    hint: 'This is a bug in the caller of the store: login ids and secrets are made fresh for each login.',
  });
}
