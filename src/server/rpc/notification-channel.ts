import { fromWireParams } from './wire-shape.js';

/**
 * Notification handlers of one connection, the same on the daemon's side of a client (keystrokes
 * in) and on the client's side (screen output in); each side sends over its own transport.
 */
export class NotificationChannel {
  private readonly handlers = new Map<string, Set<(params: unknown) => void>>();

  constructor(private readonly onHandlerError: (method: string, error: unknown) => void) {}

  /** Returns the unsubscribe function. */
  on(method: string, handler: (params: unknown) => void): () => void {
    const handlers = this.handlers.get(method) ?? new Set();
    this.handlers.set(method, handlers);
    handlers.add(handler);
    return function removeNotificationHandler() {
      handlers.delete(handler);
    };
  }

  /** Hands a received notification's value to every handler of its method. */
  dispatch(method: string, params: unknown): void {
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
