import Database from 'better-sqlite3';
import { ErrorCode, OrchestraError, isOrchestraError } from '../../core/errors.js';
import { damagedStoreHint } from './store-damage.js';

/** The hint for any file that is not a usable Orchestra database. */
export function moveAsideHint(path: string): string {
  return `Move it aside (mv "${path}" "${path}.bad") and run again: Orchestra creates a new database. Runs stored in it are not visible until it is repaired.`;
}

export function corruptDatabaseError(path: string, reason: string, cause?: unknown): OrchestraError {
  return new OrchestraError(ErrorCode.STORE_CORRUPT, `${path} is not a usable Orchestra database: ${reason}`, {
    hint: moveAsideHint(path),
    cause,
  });
}

/** SQLite error codes that mean "a constraint said no", which callers map to their own errors. */
export function isConstraintError(error: unknown, code: 'SQLITE_CONSTRAINT_PRIMARYKEY' | 'SQLITE_CONSTRAINT_FOREIGNKEY' | 'SQLITE_CONSTRAINT_UNIQUE'): boolean {
  return error instanceof Database.SqliteError && error.code === code;
}

/**
 * Turns whatever better-sqlite3 threw into an OrchestraError naming the database file. Errors that
 * already are OrchestraErrors (our own rules) pass through unchanged.
 */
export function toStoreError(error: unknown, path: string, busyTimeoutMs: number): OrchestraError {
  if (isOrchestraError(error)) return error;
  if (!(error instanceof Database.SqliteError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new OrchestraError(ErrorCode.STORE, `database ${path}: ${message}`, { cause: error, hint: 'See the cause; this may be a bug in Orchestra.' });
  }
  const code = error.code;
  if (code === 'SQLITE_NOTADB') return corruptDatabaseError(path, error.message, error);
  if (code.startsWith('SQLITE_CORRUPT')) {
    // Damaged pages, not a foreign file: other runs may still be readable, so do not move it aside.
    return new OrchestraError(ErrorCode.STORE_CORRUPT, `database ${path} is damaged: ${error.message} (${code})`, { hint: damagedStoreHint(path), cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new OrchestraError(ErrorCode.STORE, `database ${path} stayed locked by another process for more than ${busyTimeoutMs} ms`, {
      hint: 'Retry; if it keeps happening, look for a hung orchestra process holding the database.',
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new OrchestraError(ErrorCode.STORE, `cannot write database ${path}: ${error.message}`, {
      hint: 'Check that the file and its directory are writable by you, or set ORCHESTRA_HOME elsewhere.',
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
    return new OrchestraError(ErrorCode.STORE, `database ${path}: ${error.message} (${code})`, {
      hint: 'Check free disk space and the health of the disk holding the database.',
      cause: error,
    });
  }
  return new OrchestraError(ErrorCode.STORE, `database ${path}: ${error.message} (${code})`, { cause: error, hint: 'See the cause; this may be a bug in Orchestra.' });
}
