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

/**
 * Follows `/events?<query>` with an EventSource (the cookie authenticates it; it reconnects by
 * itself with Last-Event-ID, so no event is lost or seen twice) and hands each event of `types` to `onEvent`.
 */
export function useEvents(query: string, onEvent: (event: FeedEvent) => void, types: readonly string[] = runEventTypes): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource(`/events?${query}`, { withCredentials: true });
    const listener = (message: MessageEvent<string>) => handler.current(JSON.parse(message.data) as FeedEvent);
    for (const type of types) source.addEventListener(type, listener);
    return () => source.close();
  }, [query, types]);
}
