import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * An HTTP Upgrade request (a WebSocket's opening handshake) on its way through the API app: the
 * route that accepts it takes the socket (`take()`) and hands it to its WebSocket server.
 */
export interface PendingUpgrade {
  readonly request: IncomingMessage;
  readonly socket: Duplex;
  readonly head: Buffer;
  /** Marks the socket as the route's: the answer the app returns is then not written to it. */
  take(): void;
}

/** The env an upgrade request reaches the app with: a route reads `c.env.upgrade`. */
export interface UpgradeBindings {
  upgrade?: PendingUpgrade;
}

type Fetch = (request: Request, env: UpgradeBindings) => Response | Promise<Response>;

/**
 * Sends each Upgrade request through `fetch` (the API app), so it passes the very checks every
 * request does (Host, Origin, CORS, the token or the session cookie) before any route sees it. A
 * route that accepts it takes the socket; anything else the app answers (a 401, a 403 problem, a
 * 404 for a path with no WebSocket) is written to the socket as a plain HTTP response, then closed.
 */
export function forwardUpgrades(server: Server, fetch: Fetch): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    let taken = false;
    const pending: PendingUpgrade = { request, socket, head, take: () => void (taken = true) };
    void Promise.resolve()
      .then(() => fetch(requestOf(request), { upgrade: pending }))
      .then(async (response) => {
        if (!taken) writeRefusal(socket, response.status, response.headers, await response.text());
      })
      .catch(() => {
        if (!taken) writeRefusal(socket, 500, new Headers(), '');
      });
  });
}

/** The Fetch request for a Node request: its URL under a fixed base (the Host header stays a header the guard checks). */
function requestOf(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(request.url ?? '/', 'http://localhost'), { method: request.method ?? 'GET', headers });
}

function writeRefusal(socket: Duplex, status: number, headers: Headers, body: string): void {
  if (socket.destroyed) return;
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, 'connection: close', `content-length: ${Buffer.byteLength(body)}`];
  headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'connection') lines.push(`${name}: ${value}`);
  });
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
