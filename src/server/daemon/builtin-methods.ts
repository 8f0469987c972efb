import { z } from 'zod';
import { defineMethod, type RpcMethod } from '../rpc/index.js';
import type { DaemonHttpState } from './http-state.js';

/** What `daemon.ping` answers: enough for `orchestra daemon status` and the memory benchmark. */
export interface DaemonPing {
  pid: number;
  version: string;
  startedAt: string;
  uptimeMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  peers: number;
  /** The HTTP API's state; absent from a daemon without one (an embedder's, an older version's). */
  http?: DaemonHttpState;
}

export interface BuiltinContext {
  startedAt: Date;
  version: string;
  peers(): number;
  /** Called after the `daemon.shutdown` answer is on its way. */
  requestShutdown(): void;
  /** The HTTP API's state once settled, waiting at most `waitMs` while it starts (see http-state.ts). */
  http?(waitMs: number): Promise<DaemonHttpState>;
}

/** `daemon.ping` and `daemon.shutdown`, served by every daemon. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- methods of different shapes in one list
export function builtinMethods(context: BuiltinContext): RpcMethod<any, any>[] {
  const ping = defineMethod({
    name: 'daemon.ping',
    // `waitForHttpMs`: answer once the HTTP API listens (or failed), not while it starts (daemon status).
    params: z.object({ waitForHttpMs: z.number().int().min(0).max(60_000).optional() }),
    async handle({ waitForHttpMs }): Promise<DaemonPing> {
      const http = await context.http?.(waitForHttpMs ?? 0);
      const memory = process.memoryUsage();
      return {
        pid: process.pid,
        version: context.version,
        startedAt: context.startedAt.toISOString(),
        uptimeMs: Date.now() - context.startedAt.getTime(),
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        peers: context.peers(),
        ...(http !== undefined && { http }),
      };
    },
  });
  const shutdown = defineMethod({
    name: 'daemon.shutdown',
    params: z.object({}),
    async handle(): Promise<{ ok: true }> {
      // The answer is written when this promise settles; shutting down on the next turn lets it leave first.
      setImmediate(context.requestShutdown);
      return { ok: true };
    },
  });
  return [ping, shutdown];
}
