import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** A stored row, named the way messages and `doctor` show it: `events row seq 12 of run "r1"`. */
export interface RowRef {
  runId: string;
  table: 'runs' | 'events' | 'checkpoints';
  /** Which row or column: `seq 12`, `variables_json`. */
  row: string;
}

export function describeRow(ref: RowRef): string {
  return `${ref.table} row ${ref.row} of run "${ref.runId}"`;
}

/**
 * What to do about a damaged store. The other runs stay readable, so the first step is to see what
 * is damaged and keep a copy; SQLite's `.recover` rebuilds what it can into a new file.
 */
export function damagedStoreHint(path: string): string {
  return (
    `Run \`orchestra doctor\` to list every damaged run and row. Back up the database first (cp "${path}"* to a safe place); ` +
    `other runs stay usable. To rebuild it: sqlite3 "${path}" ".recover" | sqlite3 "${path}.recovered", then move the recovered file in its place.`
  );
}

/** E_STORE_CORRUPT for one damaged row: the run, table and row named. */
export function damagedRowError(path: string, ref: RowRef, reason: string, cause?: unknown): OrchestraError {
  return new OrchestraError(ErrorCode.STORE_CORRUPT, `${describeRow(ref)} in ${path} is damaged: ${reason}`, {
    hint: damagedStoreHint(path),
    cause,
  });
}

/** JSON.parse of a stored column; a row that does not parse is reported as damaged, naming it. */
export function parseStoredJson(path: string, ref: RowRef, json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw damagedRowError(path, ref, `its JSON does not parse (${(error as Error).message})`, error);
  }
}
