import type { Socket } from 'node:net';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { connectSocket } from './connect-socket.js';
import { MessageDecoder, encodeMessage } from './message-framing.js';
import { fromWireError } from './wire-errors.js';
import { NotificationChannel } from './notification-channel.js';
import { toPlainWireParams } from './wire-shape.js';

const defaultConnectTimeoutMs = 5_000;

interface Incoming {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

interface PendingCall {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * The CLI's end of the daemon connection: JSON-RPC 2.0 over the socket, framed as the daemon's
 * vscode-jsonrpc expects (message-framing.ts), without loading vscode-jsonrpc itself (a cold
 * `orchestra attach` must draw within 100 ms). Calls reject with the OrchestraError the daemon
 * threw (same code, hint, detail, location); a connection that drops rejects pending calls with E_DAEMON.
 *
 * @example
 * const client = await DaemonClient.connect(daemonPaths(home).socket);
 * const { pid } = await client.call<{ pid: number }>('daemon.ping');
 * client.close();
 */
export class DaemonClient {
  private isClosed = false;
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private readonly closeListeners = new Set<() => void>();
  // A throwing handler is the caller's bug: let it surface rather than vanish.
  private readonly notifications = new NotificationChannel((_method, error) => queueMicrotask(() => { throw error; }));
  private readonly decoder = new MessageDecoder();

  private constructor(
    private readonly socket: Socket,
    readonly socketPath: string,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // A reset shows up as the close; the raw socket error adds nothing.
    socket.on('error', () => undefined);
    socket.on('close', () => this.handleClose('the daemon closed the connection'));
  }

  /** Connects to the daemon's socket; E_DAEMON if nothing answers within `timeoutMs` (default 5 s). */
  static async connect(socketPath: string, o: { timeoutMs?: number } = {}): Promise<DaemonClient> {
    const socket = await connectSocket(socketPath, o.timeoutMs ?? defaultConnectTimeoutMs);
    return new DaemonClient(socket, socketPath);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Calls a daemon method; an aborted `signal` cancels it on the daemon and rejects with the signal's reason. */
  call<R>(method: string, params?: unknown, o: { signal?: AbortSignal } = {}): Promise<R> {
    const { signal } = o;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.isClosed) return Promise.reject(closedError(method, 'the connection to the daemon is closed'));
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const onAbort = (): void => {
        this.pending.delete(id);
        this.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
        reject(abortReason(signal as AbortSignal));
      };
      const settle = (finish: () => void): void => {
        this.pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
        finish();
      };
      this.pending.set(id, {
        method,
        resolve: (result) => settle(() => resolve(result as R)),
        reject: (error) => settle(() => reject(error)),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      // Always by name or by position, never absent: the daemon treats absent params as {} anyway.
      this.send({ jsonrpc: '2.0', id, method, params: toPlainWireParams(params ?? {}) });
    });
  }

  /** Fire and forget: keystrokes, resize. Dropped once the connection is closed. */
  notify(method: string, params?: unknown): void {
    const wire = toPlainWireParams(params);
    this.send(wire === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params: wire });
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

  private send(message: object): void {
    if (!this.isClosed) this.socket.write(encodeMessage(message));
  }

  private receive(chunk: Buffer): void {
    let messages: unknown[];
    try {
      messages = this.decoder.push(chunk);
    } catch {
      // Not the daemon's protocol: nothing more on this connection can be trusted.
      return this.handleClose('the daemon sent a message that is not JSON-RPC');
    }
    for (const message of messages as Incoming[]) {
      if (this.isClosed) return;
      if (typeof message.method === 'string') {
        if (message.id === undefined) this.notifications.dispatch(message.method, message.params);
        continue;
      }
      const call = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
      if (call === undefined) continue;
      if (message.error !== undefined) call.reject(fromWireError(message.error, call.method));
      else call.resolve(message.result);
    }
  }

  private handleClose(why: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const call of [...this.pending.values()]) call.reject(closedError(undefined, why));
    this.pending.clear();
    for (const listener of [...this.closeListeners]) listener();
    this.closeListeners.clear();
    // Writes already queued (a last keystroke, `task.detach`) still go out; a daemon that never
    // closes its end does not keep this process alive.
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1_000).unref();
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
