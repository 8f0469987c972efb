import type { ServerResponse } from 'node:http';
import type { Context, Hono } from 'hono';
import { stream as honoStream } from 'hono/streaming';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createFeedWakeup, eventsInputFromQuery, followFeed, type ChangeSource } from '../../services/events/index.js';
import type { ApiEnv, Mount } from '../http/api-env.js';
import { nodeSseSink, type SseSink } from './node-sse-sink.js';
import { sseFrames, sseHeartbeat, sseReady } from './sse-frame.js';

export interface EventsMountOptions {
  /** A change watcher of its own (watchStoreChanges on the store file): see createFeedWakeup. */
  changes: ChangeSource;
  /** Quiet this long sends a comment line (default 15 s). */
  heartbeatMs?: number;
}

/** The /events mount, and what its owner needs at shutdown and in tests. */
export type EventsMount = Mount & {
  /** Subscribers waiting for events now. */
  waiting(): number;
  /** Ends every stream's wait (the process is stopping). */
  close(): void;
};

/**
 * GET /events (issue 12): the caller's tenant's event feed as Server-Sent Events. Query: `run`,
 * `task`, `human_task`, `workflow` (any of them), `kinds` (comma-separated); resume with the
 * `Last-Event-ID` header (or `?after=ID`); `?after=now` starts after the newest event and says where
 * first (a `feed.ready` message). Each event's SSE id is its feed id, its name the type and its data
 * the JSON event. The auth middleware has set `caller` and `deps` before this runs.
 */
export function mountEvents(options: EventsMountOptions): EventsMount {
  const wakeup = createFeedWakeup(options.changes);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const mount = (app: Hono<ApiEnv>): void => {
    app.get('/events', (c) => {
      // Checked before the stream starts, so a bad parameter is a 400 problem, not a broken stream.
      const input = eventsInputFromQuery(c.req.query(), c.req.header('Last-Event-ID'));
      const caller = c.get('caller');
      const deps = c.get('deps');
      const follow = (sink: SseSink): Promise<void> =>
        followFeed(deps, caller, input, {
          wakeup,
          heartbeatMs,
          signal: sink.signal,
          send: (events) => sink.write(sseFrames(events)),
          heartbeat: () => sink.write(sseHeartbeat),
          ready: (after) => sink.write(sseReady(after)),
        });
      const res = nodeResponse(c);
      if (res !== undefined) {
        void follow(nodeSseSink(res, c.res.headers))
          .catch((error: unknown) => deps.log.warn('an event stream ended on an error', { error: error instanceof Error ? error.message : String(error) }))
          .finally(() => res.end());
        return RESPONSE_ALREADY_SENT;
      }
      // Not on @hono/node-server (app.request in a test, another adapter): the same frames over web streams.
      c.header('content-type', 'text/event-stream');
      c.header('cache-control', 'no-cache');
      return honoStream(c, async (stream) => {
        const ended = new AbortController();
        stream.onAbort(() => ended.abort());
        await follow({ signal: ended.signal, write: (text) => stream.write(text).then(() => undefined) });
      });
    });
  };
  return Object.assign(mount, { waiting: () => wakeup.waiting, close: () => wakeup.close() });
}

/** Node's response when served by @hono/node-server (its `env.outgoing`). */
function nodeResponse(c: Context<ApiEnv>): ServerResponse | undefined {
  const env = c.env as { outgoing?: ServerResponse } | undefined;
  return env?.outgoing;
}
