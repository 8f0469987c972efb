import { rm, stat } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { prepareOrchestraHome } from '../../store/home.js';
import { serveConnection, type ConnectionPeer, type RpcMethod } from '../rpc/index.js';
import { builtinMethods } from './builtin-methods.js';
import type { HttpStateCell } from './http-state.js';
import { claimSocket } from './claim-socket.js';
import type { DaemonLog } from './daemon-log.js';
import { daemonPaths } from './daemon-paths.js';
import { orchestraVersion } from '../../core/package-version.js';
import { removePidFile, type PidRecord } from './pid-file.js';
import { preparePrivateDir } from './private-dir.js';

export interface DaemonServer {
  readonly socketPath: string;
  /** Connected clients right now. */
  readonly peers: number;
  /** Ends every connection, stops listening, removes the socket and the pid file. Idempotent. */
  close(): Promise<void>;
}

export interface DaemonServerOptions {
  home: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds methods of every param/result type
  methods: RpcMethod<any, any>[];
  log: DaemonLog;
  /** Called after answering `daemon.shutdown`; without it the server just closes. */
  onShutdownRequest?: () => void;
  /** Reported by `daemon.ping` and in the pid file; defaults to the package version. */
  version?: string;
  /** The HTTP API's state, reported by `daemon.ping` (runDaemon's; absent when there is none). */
  http?: HttpStateCell;
}

/**
 * Serves `methods` plus `daemon.ping` and `daemon.shutdown` as JSON-RPC 2.0 on the home's Unix socket
 * (dir 0700, socket 0600). Refuses with E_DAEMON when another daemon already answers there.
 *
 * @example
 * const server = await startDaemonServer({ home, methods: [taskStart], log, onShutdownRequest: stopAndExit });
 */
export async function startDaemonServer(o: DaemonServerOptions): Promise<DaemonServer> {
  const paths = daemonPaths(o.home);
  await prepareOrchestraHome(o.home);
  await preparePrivateDir(paths.dir);
  if (paths.socketDir !== paths.dir) await preparePrivateDir(paths.socketDir);
  const startedAt = new Date();
  const record: PidRecord = { pid: process.pid, startedAt: startedAt.toISOString(), version: o.version ?? orchestraVersion() };
  const peers = new Set<ConnectionPeer>();
  let nextPeerId = 1;
  let closing: Promise<void> | undefined;

  const builtins = builtinMethods({
    startedAt,
    version: record.version,
    peers: () => peers.size,
    requestShutdown: () => (o.onShutdownRequest ? o.onShutdownRequest() : void close()),
    ...(o.http !== undefined && { http: o.http.settled }),
  });
  const methods = registry([...builtins, ...o.methods]);
  const server = createServer(function acceptPeer(socket: Socket) {
    if (closing) return void socket.destroy();
    const peer = serveConnection(socket, { id: nextPeerId++, methods, log: o.log });
    peers.add(peer);
    peer.onClose(() => peers.delete(peer));
  });
  const inode = await claimSocket(server, paths, record);
  server.on('error', (error) => o.log.error('the daemon socket failed', { socket: paths.socket, error: error.message }));
  o.log.info('daemon listening', { socket: paths.socket, pid: record.pid, version: record.version });

  async function shutDown(): Promise<void> {
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const peer of peers) peer.end();
    await stopped;
    await removeOwnSocket(paths.socket, inode);
    await removePidFile(paths.pidFile, record);
    o.log.info('daemon stopped', { pid: record.pid });
  }
  function close(): Promise<void> {
    closing ??= shutDown();
    return closing;
  }
  return {
    socketPath: paths.socket,
    get peers() {
      return peers.size;
    },
    close,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see DaemonServerOptions.methods
function registry(methods: RpcMethod<any, any>[]): Map<string, RpcMethod<any, any>> {
  const byName = new Map<string, RpcMethod<any, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any -- as above
  for (const method of methods) {
    if (byName.has(method.name)) {
      throw new OrchestraError(ErrorCode.INTERNAL, `daemon method ${method.name} is registered twice`, {
        hint: 'Each daemon method needs a unique name; daemon.ping and daemon.shutdown are built in.',
      });
    }
    byName.set(method.name, method);
  }
  return byName;
}

// A daemon that replaced ours (after we were presumed dead) owns the path now; leave its socket alone.
async function removeOwnSocket(socketPath: string, inode: number): Promise<void> {
  const current = await stat(socketPath).catch(() => undefined);
  if (current?.ino === inode) await rm(socketPath, { force: true });
}
