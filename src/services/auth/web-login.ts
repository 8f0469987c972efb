import { randomBytes } from 'node:crypto';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { mintTenantScope, type TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import type { Access, ApiCaller } from '../api/operation.js';
import { hashToken } from './token-secret.js';

/*
 * Logins of the web dashboard (issue 15; docs/security.md "The dashboard"). `orchestra open` makes a
 * one-time login code for the local user; the browser exchanges it (GET /login?code=…) for a session
 * token kept in an HttpOnly cookie. Both are 32 random bytes; the store keeps their SHA-256 only.
 */

/** A login link works this long after it is made. */
export const loginCodeLifetimeMs = 5 * 60 * 1000;
/** A dashboard session lasts this long; then `orchestra open` again. */
export const webSessionLifetimeMs = 12 * 60 * 60 * 1000;

const codePattern = /^olc_[A-Za-z0-9_-]{43}$/;
const sessionPattern = /^ows_[A-Za-z0-9_-]{43}$/;

const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
const newId = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;

/** Makes a login code for `user` in the scope's tenant; the code is in the result and nowhere else. */
export async function createLoginCode(store: Store, scope: TenantScope, user: string, access: Access, now: number): Promise<{ code: string; expiresAt: number }> {
  const code = secret('olc_');
  const expiresAt = now + loginCodeLifetimeMs;
  await store.createWebLogin(scope, { id: newId('lc_'), kind: 'code', user, access, secretHash: hashToken(code), createdAt: now, expiresAt });
  return { code, expiresAt };
}

/**
 * Exchanges a login code for a session: the code is used up (once, whoever asks twice), and the
 * session acts as the code's user in its tenant. An unknown, used or expired code is E_UNAUTHORIZED
 * saying which, so the login page can tell the person what to do.
 */
export async function redeemLoginCode(store: Store, code: string, now: number): Promise<{ session: string; expiresAt: number }> {
  const use = codePattern.test(code) ? await store.useWebLoginCode(hashToken(code), now) : undefined;
  if (use === undefined) throw loginError('this login link is not valid');
  if (!use.used) throw loginError(use.login.usedAt !== undefined ? 'this login link was used already: a link logs in once' : 'this login link has expired: a link works for 5 minutes');
  const session = secret('ows_');
  const expiresAt = now + webSessionLifetimeMs;
  const { tenant, user, access } = use.login;
  await store.createWebLogin(mintTenantScope(tenant), { id: newId('ws_'), kind: 'session', user, access, secretHash: hashToken(session), createdAt: now, expiresAt });
  return { session, expiresAt };
}

/** The caller a session token authenticates, or undefined for a malformed, unknown or expired one. */
export async function authenticateSession(store: Store, session: string, now: number): Promise<ApiCaller | undefined> {
  if (!sessionPattern.test(session)) return undefined;
  const record = await store.findWebLogin('session', hashToken(session));
  if (record === undefined || now >= record.expiresAt) return undefined;
  return { scope: mintTenantScope(record.tenant), user: record.user, access: record.access };
}

function loginError(message: string): OrchestraError {
  return new OrchestraError(ErrorCode.UNAUTHORIZED, message, { hint: 'Run `orchestra open` for a new login link.' });
}
