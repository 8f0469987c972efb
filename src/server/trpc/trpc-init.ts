import { initTRPC } from '@trpc/server';
import type { ApiCaller, ApiDeps } from '../../services/api/index.js';
import { orchestraDataOf } from './trpc-errors.js';

/** A tRPC call's context: the caller the HTTP auth middleware authenticated, and the operations' deps. */
export interface TrpcContext {
  caller: ApiCaller;
  deps: ApiDeps;
}

/**
 * The tRPC instance (issue 12). Errors carry Orchestra's code, hint and fields in
 * `data.orchestra`; never a stack (isDev off), never the message of an unexpected error.
 */
export const t = initTRPC.context<TrpcContext>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const { message, data } = orchestraDataOf(error);
    return { ...shape, message, data: { ...shape.data, orchestra: data } };
  },
});

export type TrpcRoot = (typeof t)['_config']['$types'];
