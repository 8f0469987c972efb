import { createAdaptorServer } from '@hono/node-server';
import { nodeFetch } from './node-fetch.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import type { ApiEnv } from './api-env.js';
import { forwardUpgrades } from './upgrade-request.js';

export interface HttpServer {
  /** `http://host:port`, the port the server got (not 0). */
  url: string;
  port: number;
  /** Stops accepting, ends idle connections at once and open streams (SSE) after a grace period. */
  close(): Promise<void>;
}

const closeGraceMs = 1_000;
const keepAliveMs = 65_000;

/** Serves `app` on `host:port` (port 0: any free port); rejects with the listen error (EADDRINUSE…). */
export async function startHttpServer(o: { app: Hono<ApiEnv>; host: string; port: number }): Promise<HttpServer> {
  const server = createAdaptorServer({ fetch: nodeFetch(o.app) }) as Server;
  // Node's 5 s default closes idle connections about when clients (undici: the server's hint less
  // 1 s) reuse them; on a busy machine a late client timer then sends into a closing socket and
  // the request fails with "other side closed". A long idle keeps that race rare.
  server.keepAliveTimeout = keepAliveMs;
  server.headersTimeout = keepAliveMs + 1_000;
  // WebSockets (the task terminal) open through the same app, behind the same checks.
  forwardUpgrades(server, (request, env) => o.app.fetch(request, env));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), closeGraceMs).unref();
      }),
  };
}
