import type { ApiCaller, ApiDeps } from '../api/index.js';
import type { FeedEvent } from '../../store/feed.js';
import type { FeedWakeup } from './feed-wakeup.js';
import { readEvents } from './read-events.js';
import type { FollowInput } from './events-query.js';

export interface FollowFeedOptions {
  wakeup: FeedWakeup;
  /** Quiet this long: `heartbeat()` (SSE: a comment line keeping proxies and clients from timing out). */
  heartbeatMs: number;
  /** Ends the loop (SSE: the client went away). */
  signal: AbortSignal;
  /** Events read together, in order: one write for the batch. */
  send(events: readonly FeedEvent[]): Promise<void>;
  heartbeat(): Promise<void>;
  /**
   * A stream from now (`input.fromNow`): told, before any event, the position it starts after (SSE:
   * a `feed.ready` message whose id is that position, so a reconnect before any event resumes there).
   */
  ready?(after: number): Promise<void>;
}

/**
 * Sends every event after `input.after` that passes the filter, then each new one as it is
 * committed, until `signal` aborts (issue 12). The feed is read from the store every time, so
 * nothing is lost between a wake-up and the read, and a reader that resumes from its last id
 * (a reconnect, a restarted daemon) gets exactly the events it has not had, in order. From now:
 * the tenant's newest event is the start, so none committed before the call is sent.
 */
export async function followFeed(deps: Pick<ApiDeps, 'store'>, caller: ApiCaller, request: FollowInput, options: FollowFeedOptions): Promise<void> {
  const { wakeup, signal } = options;
  const { fromNow, ...input } = request;
  let after = input.after ?? 0;
  if (fromNow === true) {
    after = await deps.store.feedHead(caller.scope);
    await options.ready?.(after);
  }
  while (!signal.aborted) {
    // Noted before reading: a commit after the read moves the generation, so the wait returns at once.
    const seen = wakeup.generation;
    const key = JSON.stringify([caller.scope.tenant, input, after]);
    const { events } = await wakeup.share(key, () => readEvents(deps, caller, { ...input, after }));
    if (signal.aborted) return;
    if (events.length > 0) {
      await options.send(events);
      after = events[events.length - 1]!.id;
    }
    if (events.length === input.limit) continue;
    const reason = await wakeup.wait(seen, options.heartbeatMs, signal);
    // The client left, or the wake-up was closed (the process is stopping): the stream ends.
    if (reason === 'abort') return;
    if (reason === 'timeout') await options.heartbeat();
  }
}
