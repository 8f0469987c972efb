import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

let db: Database.Database;
afterEach(() => db.close());

function setup() {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  db.pragma('synchronous = NORMAL');
  const writes = new GroupCommit(db, (error) => error);
  const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
  const ids = () => db.prepare('SELECT id FROM t ORDER BY id').pluck().all();
  return { writes, insert, ids };
}

describe('GroupCommit', () => {
  it('commits the writes issued together in one transaction, in order, and resolves each after it', async () => {
    const { writes, insert, ids } = setup();
    const seen: Array<[boolean, unknown]> = [];
    const results = [1, 2, 3].map((id) =>
      writes.submit(() => {
        seen.push([db.inTransaction, db.pragma('synchronous', { simple: true })]);
        return insert.run(id).lastInsertRowid;
      }, id === 3),
    );
    expect(ids()).toEqual([]);
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3]);
    // One transaction, committed with synchronous=FULL (2) since one write is durable; then NORMAL (1).
    expect(seen).toEqual([[true, 2], [true, 2], [true, 2]]);
    expect(ids()).toEqual([1, 2, 3]);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('rolls back and rejects a failing write alone; the others in its batch commit', async () => {
    const { writes, insert, ids } = setup();
    const first = writes.submit(() => insert.run(1), false);
    const failing = writes.submit(() => {
      insert.run(2);
      insert.run(1);
    }, false);
    const last = writes.submit(() => insert.run(3), false);
    await expect(failing).rejects.toThrow(/UNIQUE/);
    await expect(Promise.all([first, last])).resolves.toHaveLength(2);
    expect(ids()).toEqual([1, 3]);
  });

  it('flush() commits what is queued at once, so a read that follows sees it', () => {
    const { writes, insert, ids } = setup();
    void writes.submit(() => insert.run(7), false);
    writes.flush();
    expect(ids()).toEqual([7]);
  });
});
