// The API benchmark's HTTP client: node:http, requests on a keep-alive pool of their own and each
// SSE stream on a connection of its own. (fetch shares one undici pool per origin: with 200 streams
// open, its requests queued for seconds behind them, on the bare peer too.)
import { Agent, request as httpRequest } from 'node:http';

const pool = new Agent({ keepAlive: true, maxSockets: 64 });

/** One request; resolves `{ status, text }`. */
export function send(url, { method, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: pool }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A streaming GET on a connection of its own: resolves `{ status, body, close() }` once headers are in. */
export function stream(url, headers) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      res.setEncoding('utf8');
      resolve({ status: res.statusCode, body: res, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
