import { describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import type { StoreFixture } from './fixtures.case.js';
import { checkpoint, expectStoreError, newRun, t0 } from './fixtures.case.js';

const calls: Array<[string, (store: Store) => Promise<unknown>]> = [
  ['createRun', (store) => store.createRun(newRun('r9'))],
  ['getRun', (store) => store.getRun('r1')],
  ['listRuns', (store) => store.listRuns()],
  ['commitCheckpoint', (store) => store.commitCheckpoint('r1', checkpoint(1), {}, [])],
  ['readEvents', (store) => store.readEvents('r1', 0)],
  ['acquireLease', (store) => store.acquireLease('r1', 'a', 1_000, t0)],
];

export function describeLifecycleConformance(fixture: StoreFixture): void {
  describe('lifecycle', () => {
    it('names its kind', () => {
      expect(['sqlite', 'memory', 'postgres']).toContain(fixture.store().kind);
    });

    it.each(calls)('%s on a closed store fails with E_STORE', async (_name, call) => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.close();
      await store.close();
      await expectStoreError(call(store), 'E_STORE', 'the store is closed');
    });
  });
}
