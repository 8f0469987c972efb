import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStoreForChild, runThenKill } from '../child-process.case.js';
import { openSqliteStore } from './open-sqlite-store.js';

/** Commits checkpoints, printing each seq once committed, forever or until STOP_AFTER, where it idles. */
const committer = `
import { openSqliteStore } from './store/sqlite/open-sqlite-store.js';
const store = await openSqliteStore(process.env.DB_PATH);
await store.createRun({ id: 'r1', pipeline: 'p', file: '/p.dot', source: 'digraph p {}', goal: '', logsRoot: '/tmp/r1',
  variables: {}, options: {}, startedAt: 1 });
for (let seq = 1; ; seq++) {
  const checkpoint = { v: 1, seq, timestamp: seq, currentNode: 'n' + seq, nextNode: 'n' + (seq + 1), completedNodes: [],
    nodeOutcomes: {}, nodeRetries: {}, context: { seq }, logs: [], loopRestarts: 0 };
  await store.commitCheckpoint('r1', checkpoint, { currentNode: 'n' + seq }, [{ type: 'checkpoint.saved', node: 'n' + seq, checkpoint: seq, at: seq }]);
  process.stdout.write(seq + '\\n');
  if (process.env.STOP_AFTER === String(seq)) {
    setInterval(() => {}, 60_000);
    break;
  }
}
`;

describe('a process killed with SIGKILL', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'orchestra-crash-'));
    await buildStoreForChild(out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('right after a commit leaves a readable database holding that commit', async () => {
    const dbPath = join(out, 'idle', 'orchestra.db');
    expect(await runThenKill(out, committer, { DB_PATH: dbPath, STOP_AFTER: '3' }, 3)).toBe(3);
    const store = await openSqliteStore(dbPath);
    expect(await store.latestCheckpoint('r1')).toMatchObject({ seq: 3, currentNode: 'n3', context: { seq: 3 } });
    expect((await store.getRun('r1'))?.currentNode).toBe('n3');
    await store.close();
  });

  it('in the middle of committing leaves whole commits only, with gapless events', async () => {
    const dbPath = join(out, 'busy', 'orchestra.db');
    const reported = await runThenKill(out, committer, { DB_PATH: dbPath }, 40);
    const store = await openSqliteStore(dbPath);
    const heads = await store.listCheckpoints('r1');
    const events = await store.readEvents('r1', 0);
    await store.close();
    // Every commit the child reported is there; one more may have landed before the kill.
    expect(heads.length).toBeGreaterThanOrEqual(reported);
    expect(heads.map((head) => head.seq)).toEqual(heads.map((_, i) => i + 1));
    expect(events.map((event) => event.seq)).toEqual(heads.map((head) => head.seq));
    const raw = new Database(dbPath, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
