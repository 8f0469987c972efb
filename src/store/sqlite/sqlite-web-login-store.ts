import type Database from 'better-sqlite3';
import { tenantOf } from '../../core/tenant-scope.js';
import type { WebLoginStore } from '../web-logins.js';
import { SqliteGuidedStore } from './sqlite-guided-store.js';
import { WebLoginTable } from './web-login-table.js';

// A login link handed to the browser, and its use, must survive a power cut: a code used once stays used.
const durable = true;

/** The web-login part of the SQLite store (SqliteStore extends it; web-login-table.ts does the rows). */
export abstract class SqliteWebLoginStore extends SqliteGuidedStore implements WebLoginStore {
  private readonly webLogins: WebLoginTable;

  constructor(db: Database.Database, path: string, busyTimeoutMs: number) {
    super(db, path, busyTimeoutMs);
    this.webLogins = new WebLoginTable(db);
  }

  createWebLogin: WebLoginStore['createWebLogin'] = (scope, login) => this.submit(durable, () => this.webLogins.create(tenantOf(scope), login));
  findWebLogin: WebLoginStore['findWebLogin'] = (kind, secretHash) => this.committed(() => this.webLogins.find(kind, secretHash));
  useWebLoginCode: WebLoginStore['useWebLoginCode'] = (secretHash, now) => this.submit(durable, () => this.webLogins.useCode(secretHash, now));
}
