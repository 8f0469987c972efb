import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { PRIVATE_FILE_MODE, makePrivateDir, tightenToOwner } from '../../core/private-files.js';
import { corruptDatabaseError } from './sqlite-errors.js';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** An in-memory or temporary database: nothing on disk to check or create. */
export function isTransientPath(path: string): boolean {
  return path === ':memory:' || path === '';
}

/**
 * Creates the parent directory and refuses a file that is not SQLite before better-sqlite3 sees
 * it: SQLite would only notice at the first query, with a message that does not name the file.
 * The database holds every prompt and answer, so it is made private first (makePrivateFile).
 */
export async function prepareDatabaseFile(path: string): Promise<void> {
  if (isTransientPath(path)) return;
  try {
    await makePrivateDir(dirname(path));
  } catch (error) {
    throw new OrchestraError(ErrorCode.STORE, `cannot create the directory of database ${path}: ${(error as Error).message}`, {
      hint: 'Check permissions, or set ORCHESTRA_HOME to a writable directory.',
      cause: error,
    });
  }
  try {
    await makePrivateFile(path);
  } catch (error) {
    throw new OrchestraError(ErrorCode.STORE, `cannot create database ${path} or make it private: ${(error as Error).message}`, {
      hint: 'Check that the file and its directory belong to you, or set ORCHESTRA_HOME elsewhere.',
      cause: error,
    });
  }
  const header = await readHeader(path);
  if (header === undefined || header.length === 0) return;
  if (header.length < sqliteHeader.length || !header.equals(sqliteHeader)) {
    throw corruptDatabaseError(path, 'the file is not a SQLite database');
  }
}

/**
 * SQLite would create the database with 0644 less the umask, and gives its -wal, -shm and -journal
 * files the database's mode: so the database is created (empty, which SQLite takes as a new database)
 * or tightened to 0600 here, and any companion file left by an older version is tightened too.
 */
async function makePrivateFile(path: string): Promise<void> {
  const handle = await open(path, 'a', PRIVATE_FILE_MODE).catch((error: NodeJS.ErrnoException) => {
    // A directory in its place: readHeader reports that as an unusable database.
    if (error.code === 'EISDIR') return undefined;
    throw error;
  });
  if (handle === undefined) return;
  await handle.close();
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    await tightenToOwner(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

async function readHeader(path: string): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OrchestraError(ErrorCode.STORE, `cannot read database ${path}: ${(error as Error).message}`, {
      hint: 'Check that the file is readable by you, or set ORCHESTRA_HOME elsewhere.',
      cause: error,
    });
  }
  try {
    const buffer = Buffer.alloc(sqliteHeader.length);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw corruptDatabaseError(path, `it cannot be read (${(error as Error).message})`, error);
  } finally {
    await handle.close();
  }
}
