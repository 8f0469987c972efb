import type { Socket } from 'node:net';
import * as rpc from 'vscode-jsonrpc/node.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { connectSocket } from './connect-socket.js';
import { fromResponseError } from './errors.js';
import { NotificationChannel } from './notification-channel.js';
import { toWireParams } from './wire-params.js';

const defaultConnectTimeoutMs = 5_000;

/**
 * The CLI's end of the daemon connection. Calls reject with the OrchestraError the daemon threw
 * (same code, hint, detail, location); a connection that drops rejects pending calls with E_DAEMON.
 *
 * @example
 * const client = await DaemonClient.connect(daemonPaths(home).socket);
 * const { pid } = await client.call<{ pid: number }>('daemon.ping');
 * client.close();
 */
export class DaemonClient {
  private isClosed = false;
  private readonly pending = new Set<(error: Error) => void>();
  private readonly closeListeners = new Set<() => void>();
  private readonly notifications: NotificationChannel;

  private constructor(
    private readonly connection: rpc.MessageConnection,
    readonly socketPath: string,
  ) {
    // A throwing handler is the caller's bug: let it surface rather than vanish.
    this.notifications = new NotificationChannel(connection, (_method, error) => queueMicrotask(() => { throw error; }), () => this.isClosed);
    connection.onClose(() => this.handleClose('the daemon closed the connection'));
  }

  /** Connects to the daemon's socket; E_DAEMON if nothing answers within `timeoutMs` (default 5 s). */
  static async connect(socketPath: string, o: { timeoutMs?: number } = {}): Promise<DaemonClient> {
    const socket: Socket = await connectSocket(socketPath, o.timeoutMs ?? defaultConnectTimeoutMs);
    // A reset shows up as the connection's close; the raw socket error adds nothing.
    socket.on('error', () => undefined);
    const connection = rpc.createMessageConnection(new rpc.SocketMessageReader(socket), new rpc.SocketMessageWriter(socket));
    const client = new DaemonClient(connection, socketPath);
    connection.listen();
    return client;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Calls a daemon method; an aborted `signal` cancels it on the daemon and rejects with the signal's reason. */
  call<R>(method: string, params?: unknown, o: { signal?: AbortSignal } = {}): Promise<R> {
    const { signal } = o;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.isClosed) return Promise.reject(closedError(method, 'the connection to the daemon is closed'));
    const cancellation = new rpc.CancellationTokenSource();
    // Always by name or by position, never absent: the daemon treats absent params as {} anyway.
    const wire = toWireParams(params ?? {}) as NonNullable<ReturnType<typeof toWireParams>>;
    return new Promise<R>((resolve, reject) => {
      const pending = this.pending;
      const onClose = (error: Error) => settle(() => reject(error));
      const onAbort = () => {
        cancellation.cancel();
        settle(() => reject(abortReason(signal as AbortSignal)));
      };
      function settle(finish: () => void) {
        pending.delete(onClose);
        signal?.removeEventListener('abort', onAbort);
        cancellation.dispose();
        finish();
      }
      pending.add(onClose);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const request = this.connection.sendRequest<R>(method, wire.structure, wire.params, cancellation.token);
        request.then(
          (result) => settle(() => resolve(result)),
          (error: unknown) => settle(() => reject(fromResponseError(error, method))),
        );
      } catch (error) {
        settle(() => reject(fromResponseError(error, method)));
      }
    });
  }

  /** Fire and forget: keystrokes, resize. Dropped once the connection is closed. */
  notify(method: string, params?: unknown): void {
    this.notifications.send(method, params);
  }

  /** Daemon → client notifications (screen output, status changes). Returns the unsubscribe function. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each notification has its own shape; callers validate
  onNotification(method: string, handler: (params: any) => void): () => void {
    return this.notifications.on(method, handler);
  }

  /** Runs when the daemon side goes away (not after our own `close()`). */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    const listeners = this.closeListeners;
    return function removeCloseListener() {
      listeners.delete(listener);
    };
  }

  /** Closes the connection; pending calls reject with E_DAEMON. */
  close(): void {
    if (this.isClosed) return;
    this.closeListeners.clear();
    this.handleClose('the client closed the connection');
  }

  private handleClose(why: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const reject of [...this.pending]) reject(closedError(undefined, why));
    this.pending.clear();
    for (const listener of [...this.closeListeners]) listener();
    this.closeListeners.clear();
    this.connection.dispose();
  }
}

function closedError(method: string | undefined, why: string): OrchestraError {
  const what = method === undefined ? 'before it answered' : `so ${method} was not sent`;
  return new OrchestraError(ErrorCode.DAEMON, `${why} ${what}.`, {
    hint: 'The daemon may have stopped or restarted: `orchestra daemon status` tells, `orchestra daemon logs` shows why.',
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new OrchestraError(ErrorCode.INTERRUPTED, 'the daemon call was cancelled.');
}
