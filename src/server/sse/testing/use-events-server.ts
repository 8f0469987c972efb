import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openSqliteStore, watchStoreChanges, type SqliteStore, type StoreChanges } from '../../../store/sqlite/index.js';
import { startEventsServer } from './events-app.js';
import { openSse, type SseConnection } from './sse-client.js';

/** A test's store file, its /events server and the streams it opened; set by beforeEach. */
export interface EventsServerFixture {
  /** The store file (another process may write it: startFeedWriter). */
  db: string;
  store: SqliteStore;
  server: Awaited<ReturnType<typeof startEventsServer>>;
  /** Opens `/events<query>` as `tenant` (the events-app's x-tenant); closed after the test. */
  connect(query: string, tenant?: string, headers?: Record<string, string>): Promise<SseConnection>;
}

/**
 * Registers a beforeEach making a fresh SQLite store with a real /events server on it (heartbeats
 * every 150 ms), and an afterEach closing the streams, the server and the store and deleting it all.
 */
export function useEventsServer(): EventsServerFixture {
  let dir = '';
  let changes: StoreChanges;
  const open: SseConnection[] = [];
  const fixture = {
    async connect(query: string, tenant = 'acme', headers: Record<string, string> = {}) {
      const connection = await openSse(`${fixture.server.url}/events${query}`, { 'x-tenant': tenant, ...headers });
      open.push(connection);
      return connection;
    },
  } as EventsServerFixture;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orchestra-events-'));
    fixture.db = join(dir, 'orchestra.db');
    fixture.store = await openSqliteStore(fixture.db);
    changes = watchStoreChanges(fixture.db);
    fixture.server = await startEventsServer(fixture.store, { changes, heartbeatMs: 150 });
  });
  afterEach(async () => {
    for (const connection of open.splice(0)) connection.close();
    await fixture.server.close();
    changes.close();
    await fixture.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return fixture;
}
