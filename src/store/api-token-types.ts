/*
 * Bearer tokens of the HTTP API and MCP (issue 12; docs/security.md "Tokens"). The store keeps a
 * token's SHA-256 hash only: the token itself is shown once, when it is made, and never stored.
 * @since issue 12
 */

/** What a token may do: the same ladder as the API's `Access` (services/api/operation.ts). */
export const ApiTokenAccesses = ['read', 'write', 'admin'] as const;
export type ApiTokenAccess = (typeof ApiTokenAccesses)[number];

export interface NewApiToken {
  id: string;
  /** Unique among the tenant's live tokens: what `orchestra token revoke NAME` names. */
  name: string;
  /** The user every request made with the token acts as. */
  user: string;
  access: ApiTokenAccess;
  /** SHA-256 of the token, 64 lowercase hex digits. Never returned by the store. */
  tokenHash: string;
  createdAt: number;
}

/** A stored token, as the store hands it back: without its hash, which never leaves the store. */
export interface ApiTokenRecord {
  id: string;
  tenant: string;
  name: string;
  user: string;
  access: ApiTokenAccess;
  createdAt: number;
  /** When it last authenticated a request (kept to the minute, not written on every request). */
  lastUsedAt?: number;
  /** When it was revoked; a revoked token authenticates nothing and is kept for the list. */
  revokedAt?: number;
}
