import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { operations, type Operation } from '../../services/api/index.js';
import type { Mount } from '../http/api-env.js';
import { createTrpcRouter, type TrpcRouterOf } from './trpc-router.js';

/** The router of every operation, as clients import its type (`createTRPCClient<OrchestraRouter>`). */
export type OrchestraRouter = TrpcRouterOf<typeof operations>;

/**
 * Serves `operations` over tRPC at /trpc (issue 12), behind the HTTP API's auth: the caller and deps
 * come from the Hono context the auth middleware filled in; this never authenticates on its own.
 */
export function trpcMount(ops: readonly Operation[]): Mount {
  const router = createTrpcRouter(ops);
  return (app) => {
    app.all('/trpc/*', (c) =>
      fetchRequestHandler({ endpoint: '/trpc', req: c.req.raw, router, createContext: () => ({ caller: c.get('caller'), deps: c.get('deps') }) }),
    );
  };
}

export const mountTrpc: Mount = trpcMount(operations);
