import type Database from 'better-sqlite3';
import { serializeEventInput } from '../event-input.js';
import type { EventInput, StoredEvent } from '../types.js';
import type { prepareStatements } from './statements.js';
import { isConstraintError } from './sqlite-errors.js';
import { damagedRowError, parseStoredJson } from './store-damage.js';

/** A stored event from its row; `runId` and `seq` come from the row, not the JSON. */
export function fromEventRow(path: string, runId: string, row: { seq: number; json: string }): StoredEvent {
  const ref = { runId, table: 'events', row: `seq ${row.seq}` } as const;
  const value = parseStoredJson(path, ref, row.json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw damagedRowError(path, ref, 'it holds JSON that is not an event object');
  return { ...(value as EventInput), runId, seq: row.seq } as StoredEvent;
}

/**
 * The error for a failed event insert. The seq was computed as MAX(seq) + 1 in the same write
 * transaction, so a duplicate key cannot happen in a healthy file: it means the index that answered
 * MAX(seq) is damaged. Reported as E_STORE_CORRUPT with what integrity_check finds, not as a bare
 * "UNIQUE constraint failed" that would send the user looking for a bug in their pipeline.
 */
export function eventInsertError(error: unknown, db: Database.Database, path: string, runId: string, seq: number): unknown {
  if (!isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') && !isConstraintError(error, 'SQLITE_CONSTRAINT_UNIQUE')) return error;
  const findings = integrityCheck(db, 3);
  const found = findings.length === 0 ? 'integrity_check finds nothing else' : `integrity_check: ${findings.join('; ')}`;
  return damagedRowError(path, { runId, table: 'events', row: `seq ${seq}` }, `the store says this seq already exists though the run's last event is ${seq - 1}, so an index is damaged (${found})`, error);
}

/**
 * PRAGMA integrity_check's findings (empty when the file is sound), at most `limit` of them.
 * Not quick_check: it skips comparing indexes with their tables, and an events index that lost
 * entries passes it while MAX(seq) answers wrong and inserts make duplicates.
 */
export function integrityCheck(db: Database.Database, limit: number): string[] {
  const rows = db.pragma(`integrity_check(${Math.max(1, Math.trunc(limit))})`, { simple: false }) as { integrity_check: string }[];
  const findings = rows.map((row) => row.integrity_check);
  return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
}

/** Appends `events` after the run's last one, inside the caller's transaction. */
export function insertEventRows(db: Database.Database, sql: Pick<ReturnType<typeof prepareStatements>, 'lastEventSeq' | 'insertEvent'>, path: string, runId: string, events: EventInput[]): StoredEvent[] {
  let seq = sql.lastEventSeq.get(runId) ?? 0;
  return events.map((event, position) => {
    const json = serializeEventInput(runId, event, position + 1);
    seq += 1;
    try {
      sql.insertEvent.run(runId, seq, event.type, event.at, json);
    } catch (error) {
      throw eventInsertError(error, db, path, runId, seq);
    }
    return { ...event, runId, seq } as StoredEvent;
  });
}
