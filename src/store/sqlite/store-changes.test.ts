import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { openSqliteStore } from './open-sqlite-store.js';
import { watchStoreChanges } from './store-changes.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('store changes', () => {
  it('issue 11: a commit on another connection wakes the waiter within milliseconds; without one it times out', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orchestra-changes-'));
    const path = join(dir, 'orchestra.db');
    const writer = await openSqliteStore(path);
    const changes = watchStoreChanges(path, 2);
    try {
      expect(await changes.next(30)).toBe(false);
      const waiting = changes.next(10_000);
      const started = Date.now();
      await writer.startWorkflow(mintTenantScope('t'), { id: 'w1', name: 'n', version: 'v', input: null, createdAt: 1 });
      expect(await waiting).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
      // A change made while nobody waited is reported by the next call at once.
      await writer.startWorkflow(mintTenantScope('t'), { id: 'w2', name: 'n', version: 'v', input: null, createdAt: 1 });
      expect(await changes.next(10_000)).toBe(true);
      const aborted = new AbortController();
      const stopped = changes.next(10_000, aborted.signal);
      aborted.abort();
      expect(await stopped).toBe(false);
    } finally {
      changes.close();
      await writer.close();
    }
  });
});
