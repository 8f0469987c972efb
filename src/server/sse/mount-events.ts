import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { createFeedWakeup, eventsInputFromQuery, followFeed, type ChangeSource } from '../../services/events/index.js';
import type { ApiEnv, Mount } from '../http/api-env.js';

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
 * `Last-Event-ID` header (or `?after=ID`). Each event's SSE id is its feed id, its name the type and
 * its data the JSON event. The auth middleware has set `caller` and `deps` before this runs.
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
      return streamSSE(c, async (stream) => {
        const ended = new AbortController();
        stream.onAbort(() => ended.abort());
        await followFeed(deps, caller, input, {
          wakeup,
          heartbeatMs,
          signal: ended.signal,
          send: (event) => stream.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(event) }),
          heartbeat: () => stream.write(': heartbeat\n\n').then(() => undefined),
        });
      });
    });
  };
  return Object.assign(mount, { waiting: () => wakeup.waiting, close: () => wakeup.close() });
}
