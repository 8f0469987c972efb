export { defineMethod } from './method.js';
export type { AnyRpcMethod, RpcMethod, RpcCall, RpcPeer } from './method.js';
export { DaemonClient } from './client.js';
export { ORCHESTRA_RPC_ERROR, toResponseError, fromResponseError, paramsError, unknownMethodError, formatParamPath } from './errors.js';
export type { RpcErrorData } from './errors.js';
export { serveConnection } from './serve-connection.js';
export type { ServeConnectionOptions } from './serve-connection.js';
export type { ConnectionPeer } from './connection-peer.js';
export type { RpcLog } from './rpc-log.js';
