/*
 * Logins of the web dashboard (issue 15; docs/security.md "The dashboard"). A login is either a
 * one-time login code (`orchestra open` puts it in a link) or the browser session a code is
 * exchanged for (the cookie). Like API tokens, the store keeps the secret's SHA-256 only.
 * @since issue 15
 */
import type { ApiTokenAccess } from './api-token-types.js';

export const WebLoginKinds = ['code', 'session'] as const;
export type WebLoginKind = (typeof WebLoginKinds)[number];

export interface NewWebLogin {
  id: string;
  kind: WebLoginKind;
  /** The user every request of the session acts as. */
  user: string;
  access: ApiTokenAccess;
  /** SHA-256 of the code or session token, 64 lowercase hex digits. Never returned by the store. */
  secretHash: string;
  createdAt: number;
  /** It authenticates nothing from this time on (epoch ms). */
  expiresAt: number;
}

/** A stored login, as the store hands it back: without its hash. */
export interface WebLoginRecord {
  id: string;
  tenant: string;
  kind: WebLoginKind;
  user: string;
  access: ApiTokenAccess;
  createdAt: number;
  expiresAt: number;
  /** When a code was exchanged for a session; a used code is never exchanged again. */
  usedAt?: number;
}

/** What using a code found: the code (if any), and whether this call is the one that used it. */
export interface WebLoginCodeUse {
  login: WebLoginRecord;
  /** True only for the one call that used a live, unused code; false when it was used or expired already. */
  used: boolean;
}
