import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createArrivals } from './arrivals.case.js';

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
  const arrivals = createArrivals<ReceivedRequest>();
  let status = 200;
  let answer = 'ok';
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // Recorded before the answer: once the sender sees the answer, the test sees the request.
      arrivals.add({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(answer);
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
    requests: arrivals.items,
    respondWith(next, body = next < 300 ? 'ok' : 'no') {
      status = next;
      answer = body;
    },
    waitForRequests: (count, timeoutMs) => arrivals.waitFor(count, 'requests', timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (it was free a moment ago): an unreachable server. */
export async function freePort(): Promise<number> {
  const receiver = await startHttpReceiver();
  await receiver.close();
  return receiver.port;
}
