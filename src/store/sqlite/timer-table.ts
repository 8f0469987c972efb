import type Database from 'better-sqlite3';
import { canCompleteTimer, claimTimer, createTimerRecord } from '../timer-rules.js';
import type { NewTimer, Timer, TimerFilter, TimerRef } from '../timer-types.js';
import { fromTimerRow, timerColumns, toTimerRow, type TimerRow } from './timer-rows.js';

/**
 * The SQLite side of TimerStore: synchronous operations the store runs inside its IMMEDIATE
 * transactions. A claim reads the due rows and writes their claim under the one write lock, so two
 * processes never both claim a timer; completing checks the claim in the same transaction.
 */
export class TimerTable {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      insert: db.prepare<[TimerRow]>(`INSERT OR IGNORE INTO timers (${timerColumns.join(', ')}) VALUES (${timerColumns.map((c) => `@${c}`).join(', ')})`),
      get: db.prepare<[string, string], TimerRow>('SELECT * FROM timers WHERE tenant = ? AND id = ?'),
      list: db.prepare<[Record<string, unknown>], TimerRow>(`SELECT * FROM timers WHERE tenant = @tenant
        AND (@subject IS NULL OR subject_id = @subject) AND (@pending = 0 OR fired_at IS NULL) ORDER BY due_at, id`),
      due: db.prepare<[number, number, number], TimerRow>(`SELECT * FROM timers WHERE fired_at IS NULL AND due_at <= ?
        AND (lease_until IS NULL OR lease_until <= ?) ORDER BY due_at, tenant, id LIMIT ?`),
      claim: db.prepare<[string, number, string, string]>('UPDATE timers SET claimed_by = ?, lease_until = ?, attempts = attempts + 1 WHERE tenant = ? AND id = ?'),
      fire: db.prepare<[number, string, string]>('UPDATE timers SET fired_at = ? WHERE tenant = ? AND id = ?'),
      prune: db.prepare<[number, number]>('DELETE FROM timers WHERE rowid IN (SELECT rowid FROM timers WHERE fired_at IS NOT NULL AND fired_at <= ? LIMIT ?)'),
    };
  }

  /** Validates every timer before inserting any; an existing id is kept as it was. */
  schedule(tenant: string, timers: readonly NewTimer[]): void {
    const rows = timers.map((timer) => toTimerRow(createTimerRecord(tenant, timer)));
    for (const row of rows) this.sql.insert.run(row);
  }

  get(tenant: string, id: string): Timer | undefined {
    const row = this.sql.get.get(tenant, id);
    return row && fromTimerRow(row);
  }

  list(tenant: string, filter: TimerFilter): Timer[] {
    return this.sql.list.all({ tenant, subject: filter.subjectId ?? null, pending: filter.pending === true ? 1 : 0 }).map(fromTimerRow);
  }

  claim(owner: string, now: number, leaseMs: number, limit: number): Timer[] {
    return this.sql.due.all(now, now, limit).map((row) => {
      this.sql.claim.run(owner, now + leaseMs, row.tenant, row.id);
      return claimTimer(fromTimerRow(row), owner, now, leaseMs);
    });
  }

  /** Whether `owner` holds the claim of an unfired timer: read inside the transaction that fires it. */
  holds(timer: TimerRef, owner: string): boolean {
    return canCompleteTimer(this.get(timer.tenant, timer.id), owner);
  }

  markFired(timer: TimerRef, now: number): void {
    this.sql.fire.run(now, timer.tenant, timer.id);
  }

  /** Deletes fired rows only (`fired_at` set): an unfired timer, claimed or not, stays. */
  pruneFired(firedBefore: number, limit: number): number {
    return this.sql.prune.run(firedBefore, limit).changes;
  }
}
