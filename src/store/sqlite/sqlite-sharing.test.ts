import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpoint, logEvent, newRun, t0 } from '../conformance/fixtures.case.js';
import { openSqliteStore } from './open-sqlite-store.js';
import type { SqliteStore } from './sqlite-store.js';

// Two stores on one file are two connections, as a running `orchestra run` and `orchestra runs` are.
describe('one SQLite file, several connections', () => {
  let dir: string;
  let path: string;
  const opened: SqliteStore[] = [];
  const open = async (busyTimeoutMs?: number) => {
    const store = await openSqliteStore(path, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
    opened.push(store);
    return store;
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-share-'));
    path = join(dir, 'orchestra.db');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it("each sees the other's commits as soon as they return", async () => {
    const writer = await open();
    const reader = await open();
    await writer.createRun(newRun('r1'));
    expect((await reader.getRun('r1'))?.state).toBe('running');
    await writer.commitCheckpoint('r1', checkpoint(1), { currentNode: 'node1' }, [logEvent('one')]);
    expect(await reader.latestCheckpoint('r1')).toEqual(checkpoint(1));
    await reader.appendEvents('r1', [logEvent('from the reader')]);
    await writer.commitCheckpoint('r1', checkpoint(2), {}, [logEvent('two')]);
    expect((await reader.readEvents('r1', 0)).map((event) => [event.seq, event.type === 'log' && event.message])).toEqual([
      [1, 'one'],
      [2, 'from the reader'],
      [3, 'two'],
    ]);
  });

  it('lets only one of them hold a run lease', async () => {
    const a = await open();
    const b = await open();
    expect(await a.acquireLease('r1', 'process-a', 10_000, t0)).toBe(true);
    expect(await b.acquireLease('r1', 'process-b', 10_000, t0 + 1)).toBe(false);
    expect(await b.getLease('r1')).toEqual({ runId: 'r1', owner: 'process-a', expiresAt: t0 + 10_000 });
  });

  it('waits for a lock held elsewhere, then fails naming the database', async () => {
    const store = await open(50);
    await store.createRun(newRun('r1'));
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.appendEvents('r1', [logEvent('blocked')])).rejects.toMatchObject({
        code: 'E_STORE',
        message: `database ${path} stayed locked by another process for more than 50 ms`,
      });
      // Readers are not blocked by a writer in WAL mode.
      expect((await store.getRun('r1'))?.id).toBe('r1');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.appendEvents('r1', [logEvent('now')]))[0]?.seq).toBe(1);
  });
});
