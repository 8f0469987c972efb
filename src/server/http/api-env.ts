import type { Hono } from 'hono';
import type { ApiCaller, ApiDeps } from '../../services/api/index.js';

/**
 * The Hono environment of every route the HTTP API serves (issue 12): the auth middleware sets
 * `caller` (from the bearer token) before any route runs, and `deps` is what the operations use.
 * A part served beside the operation routes (/events, /mcp, /trpc) is a Mount: it adds its routes
 * to the app and reads the caller from the context, never authenticating on its own.
 */
export interface ApiEnv {
  Variables: { caller: ApiCaller; deps: ApiDeps };
}

export type Mount = (app: Hono<ApiEnv>) => void;
