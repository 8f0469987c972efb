import type { Hono } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';

const alreadySent = 'x-hono-already-sent';

/**
 * `app.fetch` for @hono/node-server. A route that wrote to Node's response itself (the SSE stream,
 * mount-events.ts) returns RESPONSE_ALREADY_SENT, but Hono copies a returned response to merge
 * headers middleware set before (CORS), and @hono/node-server 2.1 only honours the marker on a
 * response it did not make itself: the copy would have it write the head a second time. Any response
 * carrying the marker is handed back as the library's own marker.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function nodeFetch(app: Hono<any>): (request: Request, env?: unknown) => Promise<Response> {
  return async (request, env) => {
    const response = await app.fetch(request, env);
    return response.headers.has(alreadySent) ? RESPONSE_ALREADY_SENT : response;
  };
}
