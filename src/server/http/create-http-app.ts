import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { ApiDeps, Operation } from '../../services/api/index.js';
import type { ApiEnv, Mount } from './api-env.js';
import { bearerAuth, type Authenticate } from './bearer-auth.js';
import { openApiDocument } from './openapi-document.js';
import { addOperationRoute } from './operation-route.js';
import { problem, problemOf, problemResponse } from './problem.js';
import { normalizeOrigin, requestGuard } from './request-guard.js';

/** Larger than any DOT file, task or form answer; a bigger body is refused before it fills memory. */
const maxBodyBytes = 16 * 1024 * 1024;

export interface HttpAppOptions {
  deps: ApiDeps;
  operations: readonly Operation[];
  authenticate: Authenticate;
  /** A dashboard session token (the cookie) → its caller (issue 15); without it the cookie is ignored. */
  authenticateSession?: Authenticate;
  /**
   * The `host:port` names this server answers to (`127.0.0.1:4777`, `localhost:4777`); a function
   * when they are known only once the server listens (port 0).
   */
  allowedHosts: readonly string[] | (() => readonly string[]);
  /** Browser origins allowed to call the API cross-site; none by default (then no CORS headers at all). */
  corsOrigins?: readonly string[];
  /** Parts served beside the operations (/events, /mcp, /trpc), behind the same checks and token. */
  mounts?: readonly Mount[];
  /** Parts served before authentication (the dashboard's shell, assets and /login), behind the Host and Origin checks. */
  publicMounts?: readonly Mount[];
}

/**
 * The HTTP API (issue 12) as a Hono app: Host and Origin checked first, then CORS when configured,
 * /health and /openapi.json open, everything else behind the bearer token; one route per operation,
 * then the mounts. Every error is a problem+json; one the server did not expect is logged (method,
 * path and error only: never a header or a body) and answered without its details.
 */
export function createHttpApp(options: HttpAppOptions): Hono<ApiEnv> {
  checkRoutes(options.operations);
  const app = new Hono<ApiEnv>();
  const log = options.deps.log;
  app.onError((error, c) => {
    // A mount's (or Hono's own) HTTPException says its status; a 4xx is the client's, not ours.
    const reply = error instanceof HTTPException && error.status < 500 ? problem(ErrorCode.USAGE, error.message || 'bad request', { status: error.status }) : problemOf(error);
    if (reply.status >= 500) log.error('an API request failed', { method: c.req.method, path: c.req.path, code: reply.code, error: error.message, ...(reply.code === ErrorCode.INTERNAL && { stack: error.stack }) });
    return problemResponse(reply);
  });
  app.notFound((c) => problemResponse(problem(ErrorCode.USAGE, `no route ${c.req.method} ${c.req.path}`, { status: 404, hint: 'GET /openapi.json lists every route.' })));
  const corsOrigins = (options.corsOrigins ?? []).map(normalizeOrigin);
  const hosts = options.allowedHosts;
  app.use('*', requestGuard(typeof hosts === 'function' ? hosts : () => hosts, corsOrigins));
  if (corsOrigins.length > 0) {
    app.use('*', cors({
      origin: corsOrigins,
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID', 'Mcp-Session-Id', 'Mcp-Protocol-Version'],
      exposeHeaders: ['WWW-Authenticate', 'Mcp-Session-Id'],
      maxAge: 600,
    }));
  }
  app.use('*', bodyLimit({ maxSize: maxBodyBytes, onError: () => problemResponse(problem(ErrorCode.USAGE, `the request body is over ${maxBodyBytes / 1024 / 1024} MiB`, { status: 413 })) }));
  app.get('/health', (c) => c.json({ ok: true }));
  const document = openApiDocument(options.operations);
  app.get('/openapi.json', (c) => c.json(document));
  for (const mount of options.publicMounts ?? []) mount(app);
  app.use('*', bearerAuth(options.deps, options.authenticate, options.authenticateSession));
  for (const op of options.operations) addOperationRoute(app, op);
  for (const mount of options.mounts ?? []) mount(app);
  return app;
}

/** Two operations on one name or one method and path would shadow each other: a mistake in the table. */
function checkRoutes(operations: readonly Operation[]): void {
  const seen = new Set<string>();
  for (const op of operations) {
    for (const key of [`name ${op.name}`, `route ${op.http.method.toUpperCase()} ${op.http.path}`]) {
      if (seen.has(key)) throw new OrchestraError(ErrorCode.INTERNAL, `two API operations have the ${key}`);
      seen.add(key);
    }
  }
}
