import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../../core/clock.js';
import { OrchestraError } from '../../../core/errors.js';
import { mintTenantScope } from '../../../core/tenant-scope.js';
import type { ApiDeps } from '../../../services/api/index.js';
import type { Store } from '../../../store/store.js';
import type { ApiEnv } from '../../http/api-env.js';
import { nodeFetch } from '../../http/node-fetch.js';
import { mountEvents, type EventsMountOptions, type EventsMount } from '../mount-events.js';
import { absentPorts } from '../../../services/api/testing/absent-ports.js';

/**
 * A real HTTP server with only /events on it, for tests (the real app adds auth and the routes): a
 * small middleware stands in for the token check, acting in the tenant the `x-tenant` header names,
 * and a bad request becomes a 400 naming the problem, as the API's error handler does.
 */
export async function startEventsServer(store: Store, options: EventsMountOptions): Promise<{ url: string; mount: EventsMount; close(): Promise<void> }> {
  const app = new Hono<ApiEnv>();
  const deps: ApiDeps = { ...absentPorts(), store, clock: systemClock, home: '', env: {}, log: { info() {}, warn() {}, error() {} }, projects: { list: () => [] } };
  app.use(async (c, next) => {
    c.set('caller', { scope: mintTenantScope(c.req.header('x-tenant') ?? 'default'), user: 'tester', access: 'read' });
    c.set('deps', deps);
    await next();
  });
  app.onError((error, c) => (error instanceof OrchestraError ? c.json({ code: error.code, detail: error.message }, 400) : c.json({ detail: error.message }, 500)));
  const mount = mountEvents(options);
  mount(app);
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: nodeFetch(app), hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mount,
    close: () =>
      new Promise<void>((resolve) => {
        mount.close();
        server.close(() => resolve());
        // Streams still open would hold close() forever.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
