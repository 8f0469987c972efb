import type Database from 'better-sqlite3';
import { canAcquireLease, canRenewLease } from '../lease-rules.js';
import type { Lease } from '../types.js';
import type { Statements } from './statements.js';

/**
 * The `leases` table: each take or renewal is one IMMEDIATE transaction that reads the lease, applies
 * the rule in lease-rules.ts and writes, so two processes can never both hold a run.
 */
export class LeaseRows {
  private readonly acquireTransaction;
  private readonly renewTransaction;

  constructor(
    db: Database.Database,
    private readonly sql: Pick<Statements, 'getLease' | 'upsertLease' | 'deleteLease'>,
  ) {
    this.acquireTransaction = db.transaction((runId: string, owner: string, ttlMs: number, now: number) => {
      if (!canAcquireLease(this.read(runId), owner, now)) return false;
      this.sql.upsertLease.run(runId, owner, now + ttlMs);
      return true;
    });
    this.renewTransaction = db.transaction((runId: string, owner: string, ttlMs: number, now: number) => {
      if (!canRenewLease(this.read(runId), owner)) return false;
      this.sql.upsertLease.run(runId, owner, now + ttlMs);
      return true;
    });
  }

  acquire(runId: string, owner: string, ttlMs: number, now: number): boolean {
    return this.acquireTransaction.immediate(runId, owner, ttlMs, now);
  }

  renew(runId: string, owner: string, ttlMs: number, now: number): boolean {
    return this.renewTransaction.immediate(runId, owner, ttlMs, now);
  }

  /** The DELETE matches the owner (canReleaseLease as SQL): rule and write are one atomic statement. */
  release(runId: string, owner: string): void {
    this.sql.deleteLease.run(runId, owner);
  }

  read(runId: string): Lease | undefined {
    const row = this.sql.getLease.get(runId);
    return row && { runId, owner: row.owner, expiresAt: row.expires_at };
  }
}
