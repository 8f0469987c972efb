import type { FeedEvent } from '../../store/feed.js';

// Subscribers that share a feed read (services/events/feed-wakeup.ts) get the same event objects:
// each event is encoded once, not once per subscriber.
const frames = new WeakMap<FeedEvent, string>();

/** One event as an SSE frame: its feed id, its type as the event name, the JSON event as data. */
export function sseFrame(event: FeedEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    // JSON has no raw line breaks; a type with one would end the field early, so it is cut out.
    frame = `id: ${event.id}\nevent: ${event.type.replace(/[\r\n]/g, ' ')}\ndata: ${JSON.stringify(event)}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

/** Several events as one write (a batch read from the feed goes out in one syscall). */
export function sseFrames(events: readonly FeedEvent[]): string {
  return events.map(sseFrame).join('');
}

export const sseHeartbeat = ': heartbeat\n\n';

/**
 * The first message of a stream from now (`?after=now`): its id is the position the stream starts
 * after, so an EventSource that reconnects before any event sends it as Last-Event-ID and misses
 * nothing; its data says the same for a reader that does not track ids.
 */
export function sseReady(after: number): string {
  return `id: ${after}\nevent: feed.ready\ndata: ${JSON.stringify({ after })}\n\n`;
}
