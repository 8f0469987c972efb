import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { cancel } from '../workflow-transitions.js';
import { openSqliteStore } from './open-sqlite-store.js';
import type { SqliteStore } from './sqlite-store.js';

const scope = mintTenantScope('acme');
let dir: string;
let store: SqliteStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orchestra-committed-read-'));
  store = await openSqliteStore(join(dir, 'store.db'));
  await store.startWorkflow(scope, { id: 'w1', name: 'flow', version: 'v1', input: null, createdAt: 1 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('issue 11: getWorkflow with committed', () => {
  it('reads what is committed and leaves a queued write to its group commit; a plain read commits it first', async () => {
    const cancelling = store.updateWorkflow(scope, 'w1', cancel(2));
    expect(await store.getWorkflow(scope, 'w1', { committed: true })).toMatchObject({ status: 'running' });
    expect(await store.getWorkflow(scope, 'w1')).toMatchObject({ status: 'cancelled' });
    await expect(cancelling).resolves.toMatchObject({ status: 'cancelled' });
    expect(await store.getWorkflow(scope, 'w1', { committed: true })).toMatchObject({ status: 'cancelled' });
  });

  it('is another tenant\'s miss like a plain read', async () => {
    expect(await store.getWorkflow(mintTenantScope('other'), 'w1', { committed: true })).toBeUndefined();
  });
});
