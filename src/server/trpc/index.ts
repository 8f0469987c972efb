export { createTrpcRouter, type TrpcRouterOf } from './trpc-router.js';
export { mountTrpc, trpcMount, type OrchestraRouter } from './mount-trpc.js';
export type { OrchestraErrorData } from './trpc-errors.js';
export type { TrpcContext } from './trpc-init.js';
