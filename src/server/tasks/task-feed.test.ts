import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/index.js';
import { ServiceContext, type ServiceOptions } from './service-context.js';
import { feedTaskChanges } from './task-feed.js';

describe('the daemon\'s task changes in the event feed', () => {
  let dir: string | undefined;
  let store: SqliteStore | undefined;
  afterEach(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('issue 12: created, status and removed changes are appended in order with kind task; output is left out', async () => {
    dir = mkdtempSync(join(tmpdir(), 'orchestra-task-feed-'));
    store = await openSqliteStore(join(dir, 'orchestra.db'));
    const scope = mintTenantScope('default');
    const ctx = new ServiceContext({ log: { error() {} } } as unknown as ServiceOptions);
    let now = 1_000;
    const feeding = feedTaskChanges({ tasks: ctx, store, scope, now: () => now++, log: { warn() {} } });
    ctx.emit({ projectRoot: '/p', taskId: 3, slug: 'fix-dates', kind: 'created', status: 'draft' });
    ctx.emit({ projectRoot: '/p', taskId: 3, slug: 'fix-dates', kind: 'output' });
    ctx.emit({ projectRoot: '/p', taskId: 3, slug: 'fix-dates', kind: 'status', status: 'running', previousStatus: 'draft' });
    ctx.emit({ projectRoot: '/p', taskId: 3, slug: 'fix-dates', kind: 'removed' });
    await feeding.stop();
    ctx.emit({ projectRoot: '/p', taskId: 3, slug: 'fix-dates', kind: 'created', status: 'draft' });
    const feed = await store.readFeed(scope, { limit: 10, filter: { taskRef: '3' } });
    expect(feed.map(({ id: _id, ...event }) => event)).toEqual([
      { kind: 'task', subject: '3', type: 'task.created', at: 1_000, data: { taskId: 3, slug: 'fix-dates', project: '/p', status: 'draft' } },
      { kind: 'task', subject: '3', type: 'task.status', at: 1_002, data: { taskId: 3, slug: 'fix-dates', project: '/p', status: 'running', previousStatus: 'draft' } },
      { kind: 'task', subject: '3', type: 'task.removed', at: 1_003, data: { taskId: 3, slug: 'fix-dates', project: '/p' } },
    ]);
  });
});
