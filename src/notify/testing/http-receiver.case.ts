import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/* A local HTTP server standing in for Slack and for webhook receivers in tests (127.0.0.1 only). */

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent: signatures are checked over these bytes. */
  body: string;
}

export interface HttpReceiver {
  port: number;
  url(path: string): string;
  requests: ReceivedRequest[];
  /** The status (and body) the next requests get; 200 "ok" by default. */
  respondWith(status: number, body?: string): void;
  /** Resolves once `count` requests arrived; rejects after `timeoutMs` saying how many did. */
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startHttpReceiver(port = 0): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  let status = 200;
  let answer = 'ok';
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(answer);
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    url: (path) => `http://127.0.0.1:${bound}${path}`,
    requests,
    respondWith(next, body = next < 300 ? 'ok' : 'no') {
      status = next;
      answer = body;
    },
    waitForRequests(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(requests);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} requests within ${timeoutMs} ms, got ${requests.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (it was free a moment ago): an unreachable server. */
export async function freePort(): Promise<number> {
  const receiver = await startHttpReceiver();
  await receiver.close();
  return receiver.port;
}
