import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/index.js';
import { eventually } from '../../../test/cli/helpers/spawn-cli.js';
import { requireDist, startEventsServerProcess, startFeedWriter, type ServerProcess } from './testing/feed-processes.js';
import { openSse, type SseConnection } from './testing/sse-client.js';

describe('GET /events across a server killed with SIGKILL', () => {
  let dir: string;
  let db: string;
  let store: SqliteStore;
  const servers: ServerProcess[] = [];
  const connections: SseConnection[] = [];

  beforeEach(async () => {
    requireDist();
    dir = mkdtempSync(join(tmpdir(), 'orchestra-events-kill-'));
    db = join(dir, 'orchestra.db');
    store = await openSqliteStore(db);
  });

  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.close();
    for (const server of servers.splice(0)) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issue 12: a client reconnecting with Last-Event-ID to a new server gets every event exactly once', async () => {
    const first = startEventsServerProcess(db);
    servers.push(first);
    const before = await openSse(`${await first.url}/events`, { 'x-tenant': 'acme' });
    connections.push(before);
    const writer = startFeedWriter(db, 200, 3);
    await eventually(() => (before.messages.length >= 30 ? true : undefined), '30 events from the first server');
    first.child.kill('SIGKILL');
    await first.exited;
    await before.ended;
    const writtenAtKill = writer.written();

    const second = startEventsServerProcess(db);
    servers.push(second);
    const lastId = before.messages.at(-1)?.id ?? '0';
    const after = await openSse(`${await second.url}/events`, { 'x-tenant': 'acme', 'Last-Event-ID': lastId });
    connections.push(after);
    await writer.done;
    const feed = await store.readFeed(mintTenantScope('acme'), { limit: 1000 });
    expect(feed).toHaveLength(202);
    await eventually(() => (before.messages.length + after.messages.length >= 202 ? true : undefined), 'every acme event across both servers');
    const ids = [...before.messages, ...after.messages].map((m) => Number(m.id));
    expect(ids).toEqual(feed.map((e) => e.id));
    // The kill happened while the writer was still writing: the test covered a live restart.
    expect(writtenAtKill).toBeLessThan(200);
  });
});
