import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore } from '../../../store/sqlite/open-sqlite-store.js';
import type { Store } from '../../../store/store.js';

/** Opens SQLite stores in fresh temp directories, each closed and removed after every test. */
export function useTempStores(prefix: string): () => Promise<Store> {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    const store = await openSqliteStore(join(dir, 'orchestra.db'));
    stores.push(store);
    return store;
  };
}
