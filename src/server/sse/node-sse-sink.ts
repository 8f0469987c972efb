import type { ServerResponse } from 'node:http';

/** Where an SSE stream's text goes; `signal` aborts when the client goes away. */
export interface SseSink {
  readonly signal: AbortSignal;
  /** Resolves once the text is handed to the socket, or the socket's buffer drained (backpressure). */
  write(text: string): Promise<void>;
}

/**
 * An SSE stream written straight to Node's response. Hono's streamSSE goes through web streams
 * (a TransformStream, a reader pump, promises and an encoder per write), which for 200 subscribers
 * cost most of the daemon's CPU and garbage in bench/api.js; this is one `res.write` per batch.
 * `headers`: what middleware set before (CORS), kept.
 */
export function nodeSseSink(res: ServerResponse, headers: Headers): SseSink {
  const ended = new AbortController();
  res.once('close', () => ended.abort());
  const head: Record<string, string> = {};
  headers.forEach((value, name) => (head[name] = value));
  res.writeHead(200, { ...head, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  return {
    signal: ended.signal,
    write(text) {
      if (ended.signal.aborted || res.write(text)) return Promise.resolve();
      return new Promise((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.once('drain', done);
        res.once('close', done);
      });
    },
  };
}
