import { request } from 'node:http';
import { systemClock } from '../../../core/clock.js';
import { mintTenantScope } from '../../../core/tenant-scope.js';
import type { ApiCaller, ApiDeps, Operation } from '../../../services/api/index.js';
import { createMemoryStore } from '../../../store/memory/index.js';
import type { Mount } from '../api-env.js';
import { createHttpApp } from '../create-http-app.js';
import { startHttpServer, type HttpServer } from '../start-http-server.js';
import { absentPorts } from '../../../services/api/testing/absent-ports.js';

/** A real API server on 127.0.0.1 port 0 for tests, with a token per access level and the log lines it wrote. */
export interface ApiFixture {
  server: HttpServer;
  logged: Array<{ message: string; fields?: Record<string, unknown> }>;
  /** fetch against the server with `token` (a key of `tokens`, or any string) as bearer. */
  call(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
}

export const callers: Record<string, ApiCaller> = {
  'read-token': { scope: mintTenantScope('default'), user: 'reader', access: 'read' },
  'write-token': { scope: mintTenantScope('acme'), user: 'writer', access: 'write' },
};

export async function startApiFixture(o: { operations: readonly Operation[]; corsOrigins?: string[]; mounts?: Mount[] }): Promise<ApiFixture> {
  const logged: ApiFixture['logged'] = [];
  const record = (message: string, fields?: Record<string, unknown>) => void logged.push({ message, ...(fields !== undefined && { fields }) });
  const deps: ApiDeps = { ...absentPorts(), store: createMemoryStore(), clock: systemClock, home: '/nonexistent', env: {}, log: { info: record, warn: record, error: record }, projects: { list: () => [] } };
  let port = 0;
  const app = createHttpApp({
    deps,
    operations: o.operations,
    authenticate: async (token) => callers[token],
    allowedHosts: () => [`127.0.0.1:${port}`, `localhost:${port}`],
    ...(o.corsOrigins !== undefined && { corsOrigins: o.corsOrigins }),
    ...(o.mounts !== undefined && { mounts: o.mounts }),
  });
  const server = await startHttpServer({ app, host: '127.0.0.1', port: 0 });
  port = server.port;
  return {
    server,
    logged,
    call: (path, init = {}) => {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
      return fetch(`${server.url}${path}`, { ...rest, headers });
    },
  };
}

/** A GET with a Host header of our choosing, which fetch does not allow. */
export function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
