import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../../core/clock.js';
import { silentLogger } from '../../../core/logger.js';
import { createMemoryStore } from '../../../store/memory/memory-store.js';
import { authenticateLocal } from '../../../services/auth/index.js';
import type { Access, ApiCaller, ApiDeps, Operation } from '../../../services/api/index.js';
import type { ApiEnv } from '../../http/api-env.js';
import { mountMcp } from '../mount-mcp.js';
import { absentPorts } from '../../../services/api/testing/absent-ports.js';

export interface TestMcpApp {
  url: string;
  close(): Promise<void>;
}

/**
 * A real Hono server on 127.0.0.1:0 with /mcp mounted behind a stand-in for the HTTP API's auth
 * middleware: each token of `tokens` authenticates one user with one access, anything else is 401;
 * or `authenticate` (the real tokens of a store) decides. `deps`: the operations' (default: a memory store, no ports).
 */
export async function serveMcpApp(o: { operations: readonly Operation[]; tokens: Record<string, Access>; home: string; authenticate?: (token: string) => Promise<ApiCaller | undefined>; deps?: ApiDeps }): Promise<TestMcpApp> {
  const deps: ApiDeps = o.deps ?? { ...absentPorts(), store: createMemoryStore(), clock: systemClock, home: o.home, env: {}, log: silentLogger, projects: { list: () => [] } };
  const app = new Hono<ApiEnv>();
  app.use('*', async (c, next) => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const caller = token === undefined ? undefined : o.authenticate ? await o.authenticate(token) : standIn(o.tokens[token]);
    if (caller === undefined) return c.json({ code: 'E_UNAUTHORIZED' }, 401);
    c.set('caller', caller);
    c.set('deps', deps);
    await next();
  });
  mountMcp({ operations: o.operations })(app);
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A client's kept-alive connection would hold close() open until it times out.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

function standIn(access: Access | undefined): ApiCaller | undefined {
  return access === undefined ? undefined : { scope: authenticateLocal({ env: {} }), user: `user-${access}`, access };
}
