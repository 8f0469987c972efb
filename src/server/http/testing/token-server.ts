import { authenticateLocal, authenticateToken, createApiToken } from '../../../services/auth/index.js';
import type { Access, ApiDeps, Operation } from '../../../services/api/index.js';
import type { Mount } from '../api-env.js';
import { operations as table } from '../../../services/api/index.js';
import { createHttpApp } from '../create-http-app.js';
import { serverHostNames } from '../http-address.js';
import { startHttpServer, type HttpServer } from '../start-http-server.js';

/**
 * The real HTTP API (createHttpApp) over `deps` on 127.0.0.1 port 0, for tests (issue 12): real
 * bearer tokens made in `deps.store` (createApiToken) authenticate as the daemon's do, and the
 * Host check names the port the server got. `mounts`: /events, /mcp, /trpc as the daemon mounts them.
 */
export interface TokenServer {
  server: HttpServer;
  url: string;
  /** A new token of `tenant` acting as `user` with `access`. */
  token(tenant: string, user: string, access: Access): Promise<string>;
}

export async function startTokenServer(deps: ApiDeps, operations: readonly Operation[] = table, mounts: readonly Mount[] = []): Promise<TokenServer> {
  let hosts: string[] = [];
  const app = createHttpApp({ deps, operations, authenticate: (token) => authenticateToken(deps.store, token, deps.clock.now()), allowedHosts: () => hosts, mounts });
  const server = await startHttpServer({ app, host: '127.0.0.1', port: 0 });
  hosts = serverHostNames('127.0.0.1', server.port);
  let made = 0;
  return {
    server,
    url: server.url,
    token: async (tenant, user, access) => (await createApiToken(deps.store, authenticateLocal({ flag: tenant, env: {} }), { name: `${user}-${access}-${++made}`, user, access }, deps.clock.now())).token,
  };
}
