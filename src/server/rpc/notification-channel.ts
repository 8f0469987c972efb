import type * as rpc from 'vscode-jsonrpc/node.js';
import { fromWireParams, toWireParams } from './wire-params.js';

/**
 * Notifications over one connection, both ways: the same on the daemon's side of a client
 * (keystrokes in) and on the client's side (screen output in).
 */
export class NotificationChannel {
  private readonly handlers = new Map<string, Set<(params: unknown) => void>>();

  constructor(
    private readonly connection: rpc.MessageConnection,
    private readonly onHandlerError: (method: string, error: unknown) => void,
    private readonly isClosed: () => boolean,
  ) {
    connection.onNotification((method, params) => this.dispatch(method, params));
  }

  /** Fire and forget; dropped once the connection is closed. */
  send(method: string, params: unknown): void {
    if (this.isClosed()) return;
    const wire = toWireParams(params);
    const sent = wire ? this.connection.sendNotification(method, wire.structure, wire.params) : this.connection.sendNotification(method);
    // A peer that vanished mid-write is reported through the connection's close; the failed write says nothing new.
    sent.catch(() => undefined);
  }

  /** Returns the unsubscribe function. */
  on(method: string, handler: (params: unknown) => void): () => void {
    const handlers = this.handlers.get(method) ?? new Set();
    this.handlers.set(method, handlers);
    handlers.add(handler);
    return function removeNotificationHandler() {
      handlers.delete(handler);
    };
  }

  private dispatch(method: string, params: unknown): void {
    const handlers = this.handlers.get(method);
    if (!handlers) return;
    const value = fromWireParams(params);
    for (const handler of [...handlers]) {
      try {
        handler(value);
      } catch (error) {
        this.onHandlerError(method, error);
      }
    }
  }
}
