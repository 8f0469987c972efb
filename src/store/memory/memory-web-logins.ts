import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import { createWebLoginRecord, isWebLoginCodeUsable, validateNewWebLogin, webLoginExistsError, webLoginRetentionMs } from '../web-login-rules.js';
import type { NewWebLogin, WebLoginCodeUse, WebLoginKind, WebLoginRecord } from '../web-login-types.js';
import type { WebLoginStore } from '../web-logins.js';
import { MemoryGuidedStore } from './memory-guided.js';

/**
 * Web logins in memory (MemoryStore extends this), by the same rules as SQLite (web-login-rules.ts).
 * Each call runs synchronously inside one promise job, which makes using a code atomic.
 */
export class MemoryWebLoginStore extends MemoryGuidedStore implements WebLoginStore {
  /** Secret hash → the record. */
  private readonly webLogins = new Map<string, WebLoginRecord>();

  createWebLogin(scope: TenantScope, login: NewWebLogin): Promise<WebLoginRecord> {
    return this.guard(() => {
      const tenant = tenantOf(scope);
      validateNewWebLogin(login);
      for (const [hash, row] of this.webLogins) if (row.expiresAt < login.createdAt - webLoginRetentionMs) this.webLogins.delete(hash);
      if (this.webLogins.has(login.secretHash) || [...this.webLogins.values()].some((row) => row.tenant === tenant && row.id === login.id)) throw webLoginExistsError(login.id);
      const record = createWebLoginRecord(tenant, login);
      this.webLogins.set(login.secretHash, record);
      return { ...record };
    });
  }

  findWebLogin(kind: WebLoginKind, secretHash: string): Promise<WebLoginRecord | undefined> {
    return this.guard(() => {
      const row = this.webLogins.get(secretHash);
      return row?.kind === kind ? { ...row } : undefined;
    });
  }

  useWebLoginCode(secretHash: string, now: number): Promise<WebLoginCodeUse | undefined> {
    return this.guard(() => {
      const row = this.webLogins.get(secretHash);
      if (row?.kind !== 'code') return undefined;
      const used = isWebLoginCodeUsable(row, now);
      if (used) row.usedAt = now;
      return { login: { ...row }, used };
    });
  }
}
