import type { TenantScope } from '../core/tenant-scope.js';
import type { NewWebLogin, WebLoginCodeUse, WebLoginRecord } from './web-login-types.js';

/**
 * The web-login part of the Store (issue 15; web-login-types.ts): one-time login codes and the
 * dashboard sessions they become. Creating takes the caller's TenantScope; the lookups by hash are
 * how a request (or a login link) is authenticated, before there is a scope.
 * Conformance: conformance/web-logins.case.ts, run against every Store.
 */
export interface WebLoginStore {
  /**
   * Stores a login, and forgets logins that expired over a day before `login.createdAt` (a login
   * link or session is short-lived: nothing needs them after). An id or hash that exists is E_STORE.
   */
  createWebLogin(scope: TenantScope, login: NewWebLogin): Promise<WebLoginRecord>;
  /** Across tenants: the login of this kind with this hash, expired or used too (the caller checks). */
  findWebLogin(kind: NewWebLogin['kind'], secretHash: string): Promise<WebLoginRecord | undefined>;
  /**
   * Uses the code with this hash at `now`, atomically: `used` is true for exactly one caller of a
   * code that is unused and expires after `now`; a used or expired code is returned with `used` false.
   * Undefined when no code has this hash.
   */
  useWebLoginCode(secretHash: string, now: number): Promise<WebLoginCodeUse | undefined>;
}
