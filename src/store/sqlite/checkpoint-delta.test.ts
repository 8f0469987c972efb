import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRun, t0 } from '../conformance/fixtures.case.js';
import { outcomeEntriesOf, withOutcomeEntries, type OutcomeEntry } from '../outcome-entries.js';
import type { Checkpoint, OutcomeSummary } from '../types.js';
import { openSqliteStore } from './open-sqlite-store.js';

let dir: string;
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function openStore() {
  dir = await mkdtemp(join(tmpdir(), 'orchestra-delta-'));
  return openSqliteStore(join(dir, 'orchestra.db'));
}

/** Checkpoints as the engine builds them: each shares the previous one's unchanged outcomes. */
function grow(previous: Checkpoint | undefined, node: string, overrides: Partial<Checkpoint> = {}): Checkpoint {
  const summary: OutcomeSummary = { status: 'success', notes: `${node} ok` };
  return {
    v: 1,
    seq: (previous?.seq ?? 0) + 1,
    timestamp: t0 + (previous?.seq ?? 0),
    currentNode: node,
    nextNode: `${node}-next`,
    completedNodes: [...(previous?.completedNodes ?? []), node],
    nodeOutcomes: { ...previous?.nodeOutcomes, [node]: summary },
    nodeRetries: {},
    context: { outcome: 'success', current_node: node },
    logs: [...(previous?.logs ?? []), `${node} done`],
    loopRestarts: previous?.loopRestarts ?? 0,
    ...overrides,
  };
}

function rowKinds(path: string): Array<number | null> {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT base_seq FROM checkpoints ORDER BY seq').pluck().all() as Array<number | null>;
  } finally {
    db.close();
  }
}

describe('checkpoint deltas (sqlite)', () => {
  it('stores a growing run as deltas and reads every checkpoint back whole', async () => {
    const store = await openStore();
    await store.createRun(newRun('r1'));
    const written: Checkpoint[] = [];
    for (const node of ['a', 'b', 'a', 'c']) {
      const next = grow(written.at(-1), node);
      await store.commitCheckpoint('r1', next, {}, []);
      written.push(next);
    }
    // A loop restart clears the history: not expressible as additions, so a full row.
    const restarted = grow(written.at(-1), 'd', { completedNodes: ['d'], nodeOutcomes: { d: { status: 'fail' } }, logs: [], loopRestarts: 1 });
    await store.commitCheckpoint('r1', restarted, {}, []);
    written.push(restarted);
    written.push(grow(restarted, 'e'));
    await store.commitCheckpoint('r1', written.at(-1) as Checkpoint, {}, []);

    expect(rowKinds(store.path)).toEqual([null, 1, 2, 3, null, 5]);
    for (const saved of written) expect(await store.getCheckpoint('r1', saved.seq)).toEqual(saved);
    expect(Object.keys((await store.getCheckpoint('r1', 4))?.nodeOutcomes ?? {})).toEqual(['a', 'b', 'c']);
    expect(await store.latestCheckpoint('r1')).toEqual(written.at(-1));
    await store.close();
  });

  it('writes a full row when the caller reuses a container of the previous checkpoint', async () => {
    const store = await openStore();
    await store.createRun(newRun('r1'));
    const first = grow(undefined, 'a');
    await store.commitCheckpoint('r1', first, {}, []);
    const second = { ...grow(first, 'b'), completedNodes: first.completedNodes };
    second.completedNodes.push('b');
    await store.commitCheckpoint('r1', second, {}, []);
    expect(rowKinds(store.path)).toEqual([null, null]);
    expect((await store.getCheckpoint('r1', 2))?.completedNodes).toEqual(['a', 'b']);
    await store.close();
  });

  it('starts over with a full row in a new process (no checkpoint in memory to diff against)', async () => {
    const store = await openStore();
    await store.createRun(newRun('r1'));
    const first = grow(undefined, 'a');
    await store.commitCheckpoint('r1', first, {}, []);
    await store.close();
    const reopened = await openSqliteStore(store.path);
    const second = grow(first, 'b');
    await reopened.commitCheckpoint('r1', second, {}, []);
    expect(rowKinds(store.path)).toEqual([null, null]);
    expect(await reopened.latestCheckpoint('r1')).toEqual(second);
    await reopened.close();
  });

  it('diffs checkpoints built from outcome entries without building their outcome objects', async () => {
    const store = await openStore();
    await store.createRun(newRun('r1'));
    const log: OutcomeEntry[] = [];
    const written: Checkpoint[] = [];
    for (const [i, node] of ['a', 'b', 'a', 'c'].entries()) {
      log.push([node, { status: i === 2 ? 'fail' : 'success' }]);
      const { nodeOutcomes: _built, ...fields } = grow(written.at(-1), node);
      // After a compaction the entries are new tuples: the store falls back to comparing objects.
      const entries = i === 3 ? log.map(([key, value]): OutcomeEntry => [key, value]) : log.slice();
      written.push(withOutcomeEntries(fields, entries));
      await store.commitCheckpoint('r1', written.at(-1) as Checkpoint, {}, []);
    }
    expect(outcomeEntriesOf(written[1] as Checkpoint)).toHaveLength(2);
    expect(rowKinds(store.path)).toEqual([null, 1, 2, 3]);
    expect(Object.keys(written[3]?.nodeOutcomes ?? {})).toEqual(['a', 'b', 'c']);
    for (const saved of written) expect(await store.getCheckpoint('r1', saved.seq)).toEqual(saved);
    expect((await store.latestCheckpoint('r1'))?.nodeOutcomes).toEqual({ a: { status: 'fail' }, b: { status: 'success' }, c: { status: 'success' } });
    await store.close();
  });
});
