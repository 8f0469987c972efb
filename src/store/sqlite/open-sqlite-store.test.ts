import Database from 'better-sqlite3';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpoint, logEvent, newRun } from '../conformance/fixtures.case.js';
import { migrations } from './migrations.js';
import { openSqliteStore } from './open-sqlite-store.js';

describe('openSqliteStore', () => {
  let dir: string;
  let db: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-open-'));
    db = join(dir, 'home', 'deeper', 'orchestra.db');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates parent directories and uses WAL, synchronous=NORMAL (FULL for durable commits), foreign keys and the busy timeout', async () => {
    const store = await openSqliteStore(db, { busyTimeoutMs: 1_234 });
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 'normal', foreignKeys: true, busyTimeoutMs: 1_234 });
    expect(store.path).toBe(db);
    await store.close();
  });

  it('keeps its data across a reopen', async () => {
    const first = await openSqliteStore(db);
    await first.createRun(newRun('r1'));
    await first.commitCheckpoint('r1', checkpoint(1), { currentNode: 'node1' }, [logEvent('hello')]);
    await first.close();

    const second = await openSqliteStore(db);
    expect((await second.getRun('r1'))?.currentNode).toBe('node1');
    expect(await second.latestCheckpoint('r1')).toEqual(checkpoint(1));
    expect((await second.appendEvents('r1', [logEvent('again')]))[0]?.seq).toBe(2);
    await second.close();
  });

  it('refuses a database from a newer Orchestra', async () => {
    await (await openSqliteStore(db)).close();
    const raw = new Database(db);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('from the future');
    raw.close();
    await expect(openSqliteStore(db)).rejects.toMatchObject({
      code: 'E_STORE',
      message: `database ${db} has schema version 99, newer than this Orchestra supports (${migrations.length - 1})`,
    });
  });

  it('refuses a file that is not SQLite, naming it, and leaves it untouched', async () => {
    await mkdir(join(dir, 'home', 'deeper'), { recursive: true });
    await writeFile(db, 'these are my notes, not a database\n');
    await expect(openSqliteStore(db)).rejects.toMatchObject({
      code: 'E_STORE_CORRUPT',
      message: `${db} is not a usable Orchestra database: the file is not a SQLite database`,
      hint: `Move it aside (mv "${db}" "${db}.bad") and run again: Orchestra creates a new database. Runs stored in it are not visible until it is repaired.`,
    });
    expect(await readFile(db, 'utf8')).toBe('these are my notes, not a database\n');
  });

  it('refuses a SQLite header followed by garbage', async () => {
    await mkdir(join(dir, 'home', 'deeper'), { recursive: true });
    await writeFile(db, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 0xab)]));
    await expect(openSqliteStore(db)).rejects.toMatchObject({ code: 'E_STORE_CORRUPT', message: expect.stringContaining(`${db} is not a usable Orchestra database: `) });
  });

  it('refuses a directory where the database should be', async () => {
    await mkdir(db, { recursive: true });
    await expect(openSqliteStore(db)).rejects.toMatchObject({ code: 'E_STORE_CORRUPT', message: expect.stringContaining(`${db} is not a usable Orchestra database: it cannot be read (EISDIR`) });
  });

  it('treats an empty file as a new database', async () => {
    await mkdir(join(dir, 'home', 'deeper'), { recursive: true });
    await writeFile(db, '');
    const store = await openSqliteStore(db);
    expect(await store.listRuns()).toEqual([]);
    await store.close();
  });

  it('reports a parent path that cannot be a directory', async () => {
    await writeFile(join(dir, 'file'), 'x');
    const path = join(dir, 'file', 'orchestra.db');
    await expect(openSqliteStore(path)).rejects.toMatchObject({
      code: 'E_STORE',
      message: expect.stringContaining(`cannot create the directory of database ${path}: `),
    });
  });

  it('opens an in-memory database', async () => {
    const store = await openSqliteStore(':memory:');
    await store.createRun(newRun('r1'));
    expect((await store.listRuns()).map((run) => run.id)).toEqual(['r1']);
    await store.close();
  });
});
