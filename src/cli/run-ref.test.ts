import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory/index.js';
import type { Store } from '../store/store.js';
import { resolveRunRef } from './run-ref.js';

async function addRun(store: Store, id: string, startedAt: number) {
  await store.createRun({ id, pipeline: 'P', file: '/p.dot', source: 'digraph P {}', goal: '', logsRoot: `/runs/${id}`, variables: {}, options: {}, startedAt });
}

describe('resolveRunRef', () => {
  let store: Store;
  beforeEach(async () => {
    store = createMemoryStore();
    await addRun(store, 'abc111', 1);
    await addRun(store, 'abc222', 2);
    await addRun(store, 'xyz', 3);
    await addRun(store, 'xyz9', 4);
  });
  afterEach(() => store.close());

  it.each([
    ['abc111', 'abc111'],
    ['abc1', 'abc111'],
    ['abc2', 'abc222'],
    ['xyz', 'xyz'],
    ['  xyz9 ', 'xyz9'],
  ])('%j resolves to %s', async (ref, id) => {
    expect((await resolveRunRef(store, ref)).id).toBe(id);
  });

  it('rejects an unknown id with E_RUN_NOT_FOUND and a hint to list runs', async () => {
    await expect(resolveRunRef(store, 'nope')).rejects.toMatchObject({
      code: 'E_RUN_NOT_FOUND',
      message: 'No run has an id starting with "nope".',
      hint: 'See the run ids with `orchestra runs` (ORCHESTRA_HOME selects the store).',
    });
  });

  it('rejects an ambiguous prefix with E_RUN_AMBIGUOUS listing the candidates newest first', async () => {
    await expect(resolveRunRef(store, 'abc')).rejects.toMatchObject({
      code: 'E_RUN_AMBIGUOUS',
      message: '"abc" matches 2 runs.',
      detail: 'abc222  P  running\nabc111  P  running',
    });
  });

  it('rejects an empty reference as a usage error', async () => {
    await expect(resolveRunRef(store, ' ')).rejects.toMatchObject({ code: 'E_USAGE', message: 'Expected a run id, got an empty string.' });
  });
});
