import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { Access, ApiDeps } from '../../../services/api/index.js';
import type { ApiHarness } from '../../../services/api/testing/api-harness.js';
import type { ApiEnv } from '../../http/api-env.js';

/*
 * A Hono app with a tiny stand-in for the HTTP API's auth (tests only): the caller is whoever the
 * `x-test-tenant`, `x-test-user` and `x-test-access` headers say, so a test can act as anyone.
 */

export const testCallerHeaders = (tenant: string, user: string, access: Access = 'write') => ({ 'x-test-tenant': tenant, 'x-test-user': user, 'x-test-access': access });

export function testApp(h: ApiHarness, deps: ApiDeps = h.deps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', async (c, next) => {
    const access = (c.req.header('x-test-access') ?? 'read') as Access;
    c.set('caller', h.caller(c.req.header('x-test-tenant') ?? 'default', c.req.header('x-test-user') ?? 'nobody', access));
    c.set('deps', deps);
    await next();
  });
  return app;
}

/** Serves `app` on 127.0.0.1 on a free port. */
export function serveApp(app: Hono<ApiEnv>): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))) });
    });
  });
}
