import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eventInsertError, fromEventRow } from './event-rows.js';

describe('issue 8.13: event rows', () => {
  it('a duplicate event key (MAX(seq) answered wrong) is E_STORE_CORRUPT naming the run and seq', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE events (run_id TEXT, seq INTEGER, json TEXT, PRIMARY KEY (run_id, seq))');
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?)');
    insert.run('r1', 1, '{}');
    let failure: unknown;
    try {
      insert.run('r1', 1, '{}');
    } catch (error) {
      failure = error;
    }
    expect(eventInsertError(failure, db, '/s/orchestra.db', 'r1', 1)).toMatchObject({
      code: 'E_STORE_CORRUPT',
      message: `events row seq 1 of run "r1" in /s/orchestra.db is damaged: the store says this seq already exists though the run's last event is 0, so an index is damaged (integrity_check finds nothing else)`,
      hint: expect.stringContaining('orchestra doctor'),
    });
    const other = new Error('disk full');
    expect(eventInsertError(other, db, '/s/orchestra.db', 'r1', 2)).toBe(other);
    db.close();
  });

  it.each([
    ['not json', 'its JSON does not parse'],
    ['[1, 2]', 'it holds JSON that is not an event object'],
  ])('an event row holding %j is E_STORE_CORRUPT naming run and seq', (json, reason) => {
    expect(() => fromEventRow('/s/orchestra.db', 'r1', { seq: 7, json })).toThrow(
      expect.objectContaining({ code: 'E_STORE_CORRUPT', message: expect.stringContaining(`events row seq 7 of run "r1" in /s/orchestra.db is damaged: ${reason}`) }),
    );
  });

  it('a good row keeps runId and seq from the row, not the JSON', () => {
    expect(fromEventRow('/s/orchestra.db', 'r1', { seq: 7, json: '{"type":"log","at":1,"runId":"x","seq":99}' })).toMatchObject({ runId: 'r1', seq: 7, type: 'log' });
  });
});
