import { useEffect, useRef } from 'react';

/** An event of the feed (docs/api.md "Events"): the `data` of each SSE message. */
export interface FeedEvent {
  id: number;
  kind: string;
  subject: string;
  type: string;
  at: number;
  data: Record<string, unknown>;
}

/** The event types the dashboard listens to (EventSource delivers named events only to their listeners). */
export const runEventTypes = [
  'run.started', 'run.completed', 'run.failed', 'run.interrupted',
  'node.started', 'node.completed', 'node.failed', 'node.retrying',
  'interview.started', 'interview.completed', 'interview.timeout', 'checkpoint.saved',
] as const;

/** Workflow and guided instances' events: created, each step, each status (docs/api.md "Events"). */
export const instanceEventTypes = [
  'workflow.started', 'workflow.step', 'workflow.running', 'workflow.waiting', 'workflow.completed', 'workflow.failed', 'workflow.cancelled',
  'guided.started', 'guided.step', 'guided.running', 'guided.waiting', 'guided.completed', 'guided.failed',
] as const;

export interface FollowOptions {
  /** The event types handed to `onEvent` (default: a run's). */
  types?: readonly string[];
  /**
   * The stream is live from a known position: read what the page shows again. Every change
   * committed after that position comes as an event; one committed before it may be missing from
   * a list read before this call, so the page reloads here (see useEvents).
   */
  onReady(): void;
}

/*
 * Why connect first and (re)load at `feed.ready`, not load first and connect after the list's position:
 * no list of the API says at which feed event it was read (coding tasks are files in each project,
 * not rows beside the feed), so "load, then follow from where the list was read" cannot be asked for.
 * Instead the stream starts at `after=now` (no history: a page never receives old events), the
 * server fixes its position and says so (`feed.ready`), and the page reads its lists after that
 * message: a change is then either in the list (committed before the read) or an event to come
 * (committed after the position), and one committed in between is both, which is harmless because
 * every page applies an event by reloading or by setting absolute values, in feed order. The page
 * also loads at once on mount (it shows sooner) and again at `feed.ready`, which closes the gap.
 */

/**
 * Follows `/events?<query>&after=now` with an EventSource (the cookie authenticates it) and hands
 * each event of `options.types` to `onEvent`. The EventSource reconnects by itself with the last id
 * it saw (the ready message's id, until an event comes) as Last-Event-ID, which wins over
 * `after=now`, so a dropped connection loses nothing and does not reload; a connection that
 * drops before its ready message starts again at a new "now", with a new ready message.
 */
export function useEvents(query: string, onEvent: (event: FeedEvent) => void, options: FollowOptions): void {
  const handlers = useRef({ onEvent, onReady: options.onReady });
  handlers.current = { onEvent, onReady: options.onReady };
  const types = options.types ?? runEventTypes;
  useEffect(() => {
    const source = new EventSource(`/events?${query === '' ? '' : `${query}&`}after=now`, { withCredentials: true });
    const listener = (message: MessageEvent<string>) => handlers.current.onEvent(JSON.parse(message.data) as FeedEvent);
    for (const type of types) source.addEventListener(type, listener);
    source.addEventListener('feed.ready', () => handlers.current.onReady());
    return () => source.close();
  }, [query, types]);
}
