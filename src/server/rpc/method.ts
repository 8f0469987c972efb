import type { z } from 'zod';

/**
 * One daemon method: its name on the wire, a zod schema for its params and the handler. The
 * server validates params before `handle` runs, so a handler only ever sees a parsed `P`.
 *
 * @example
 * const ping = defineMethod({ name: 'daemon.ping', params: z.object({}), handle: async () => ({ ok: true }) });
 */
export interface RpcMethod<P, R> {
  name: string;
  params: z.ZodType<P>;
  handle(params: P, call: RpcCall): Promise<R>;
}

/** Identity, there for inference: `P` comes from the schema, `R` from the handler. */
export function defineMethod<P, R>(m: RpcMethod<P, R>): RpcMethod<P, R> {
  return m;
}

/** What a handler knows about the call besides its params. */
export interface RpcCall {
  /** The calling connection: lets a handler stream notifications back (attach). */
  peer: RpcPeer;
  /** Aborted when the client cancels the call or the connection closes. */
  signal: AbortSignal;
}

/** One connected client, as the daemon sees it. */
export interface RpcPeer {
  readonly id: number;
  /** Sends a notification; dropped silently once the peer has closed. */
  notify(method: string, params: unknown): void;
  /** Client → daemon notifications (keystrokes, resize). Returns the unsubscribe function. */
  onNotification(method: string, handler: (params: unknown) => void): () => void;
  /** Runs once when the connection closes (right away if it already has). */
  onClose(listener: () => void): () => void;
  readonly closed: boolean;
}

/** A method of any params and result, as a registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds methods of every param/result type
export type AnyRpcMethod = RpcMethod<any, any>;
