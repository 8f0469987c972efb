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

/**
 * Follows `/events?<query>` with an EventSource (the cookie authenticates it; it reconnects by
 * itself with Last-Event-ID, so no event is lost or seen twice) and hands each event to `onEvent`.
 */
export function useEvents(query: string, onEvent: (event: FeedEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource(`/events?${query}`, { withCredentials: true });
    const listener = (message: MessageEvent<string>) => handler.current(JSON.parse(message.data) as FeedEvent);
    for (const type of runEventTypes) source.addEventListener(type, listener);
    return () => source.close();
  }, [query]);
}
