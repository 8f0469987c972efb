import type { Socket } from 'node:net';
import * as rpc from 'vscode-jsonrpc/node.js';
import { isOrchestraError } from '../../core/errors.js';
import { ConnectionPeer } from './connection-peer.js';
import { paramsError, toResponseError, unknownMethodError } from './errors.js';
import type { RpcMethod } from './method.js';
import { errorFields, type RpcLog } from './rpc-log.js';
import { fromWireParams } from './wire-params.js';

export interface ServeConnectionOptions {
  id: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds methods of every param/result type
  methods: ReadonlyMap<string, RpcMethod<any, any>>;
  log: RpcLog;
}

/** Speaks JSON-RPC 2.0 on an accepted socket, dispatching requests to `methods`. */
export function serveConnection(socket: Socket, o: ServeConnectionOptions): ConnectionPeer {
  const connection = rpc.createMessageConnection(new rpc.SocketMessageReader(socket), new rpc.SocketMessageWriter(socket));
  const peer = new ConnectionPeer(o.id, connection, socket, o.log);
  connection.onRequest(function dispatchRequest(name, params, token) {
    return handleRequest(peer, o, name, params, token);
  });
  // A client that resets the connection is an ordinary close, not a daemon error.
  socket.on('error', () => undefined);
  connection.listen();
  return peer;
}

async function handleRequest(
  peer: ConnectionPeer,
  o: ServeConnectionOptions,
  name: string,
  params: unknown,
  token: rpc.CancellationToken,
): Promise<unknown> {
  const method = o.methods.get(name);
  if (!method) return toResponseError(unknownMethodError(name, [...o.methods.keys()]));
  // No params at all means "no arguments", which object schemas should accept.
  const parsed = method.params.safeParse(params === undefined ? {} : fromWireParams(params));
  if (!parsed.success) return toResponseError(paramsError(name, parsed.error));
  const call = peer.startCall();
  const cancellation = token.onCancellationRequested(() => call.cancel());
  try {
    const result: unknown = await method.handle(parsed.data, { peer, signal: call.signal });
    return result === undefined ? null : result;
  } catch (error) {
    if (!isOrchestraError(error)) o.log.error(`daemon method ${name} failed`, { method: name, peer: peer.id, ...errorFields(error) });
    return toResponseError(error);
  } finally {
    cancellation.dispose();
    call.release();
  }
}
