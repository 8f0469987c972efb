import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeStoreConformance } from '../store.case.js';
import { openSqliteStore } from './open-sqlite-store.js';

const dirs: string[] = [];

// A real file per test, in WAL mode, as `orchestra run` uses it.
describeStoreConformance('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'orchestra-store-'));
  dirs.push(dir);
  return openSqliteStore(join(dir, 'nested', 'orchestra.db'));
});

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});
