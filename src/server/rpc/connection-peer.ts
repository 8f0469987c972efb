import type { Socket } from 'node:net';
import type * as rpc from 'vscode-jsonrpc/node.js';
import type { RpcPeer } from './method.js';
import { errorFields, type RpcLog } from './rpc-log.js';
import { NotificationChannel } from './notification-channel.js';
import { toWireParams } from './wire-params.js';

// How long a closing peer may take to flush its last responses before the socket is destroyed.
const endGraceMs = 1_000;

/** The daemon's side of one client connection: notifications both ways, close, in-flight calls. */
export class ConnectionPeer implements RpcPeer {
  private isClosed = false;
  private readonly notifications: NotificationChannel;
  private readonly closeListeners = new Set<() => void>();
  private readonly inFlight = new Set<AbortController>();

  constructor(
    readonly id: number,
    private readonly connection: rpc.MessageConnection,
    private readonly socket: Socket,
    private readonly log: RpcLog,
  ) {
    this.notifications = new NotificationChannel((method, error) => log.error(`daemon notification handler for ${method} failed`, { method, peer: id, ...errorFields(error) }));
    connection.onNotification((method, params) => this.notifications.dispatch(method, params));
    connection.onClose(() => this.markClosed());
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Fire and forget; dropped once the connection is closed. */
  notify(method: string, params: unknown): void {
    if (this.isClosed) return;
    const wire = toWireParams(params);
    const sent = wire ? this.connection.sendNotification(method, wire.structure, wire.params) : this.connection.sendNotification(method);
    // A peer that vanished mid-write is reported through the connection's close; the failed write says nothing new.
    sent.catch(() => undefined);
  }

  onNotification(method: string, handler: (params: unknown) => void): () => void {
    return this.notifications.on(method, handler);
  }

  onClose(listener: () => void): () => void {
    if (this.isClosed) {
      queueMicrotask(listener);
      return () => undefined;
    }
    this.closeListeners.add(listener);
    const listeners = this.closeListeners;
    return function removeCloseListener() {
      listeners.delete(listener);
    };
  }

  /** A signal for one call, aborted when the peer closes; release it when the call ends. */
  startCall(): { signal: AbortSignal; cancel(): void; release(): void } {
    const controller = new AbortController();
    if (this.isClosed) controller.abort(new Error('the client closed the connection'));
    else this.inFlight.add(controller);
    const inFlight = this.inFlight;
    return {
      signal: controller.signal,
      cancel: () => controller.abort(new Error('the client cancelled the call')),
      release: () => inFlight.delete(controller),
    };
  }

  /** Ends the connection after pending writes flush; destroys it if the client does not close in time. */
  end(): void {
    if (this.isClosed) return;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), endGraceMs).unref();
  }

  private markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const controller of this.inFlight) controller.abort(new Error('the client closed the connection'));
    this.inFlight.clear();
    for (const listener of [...this.closeListeners]) {
      try {
        listener();
      } catch (error) {
        this.log.error('a daemon peer close listener failed', { peer: this.id, ...errorFields(error) });
      }
    }
    this.closeListeners.clear();
    this.connection.dispose();
  }
}
