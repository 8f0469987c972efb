export interface SseEvent {
  /** The `event:` name, when the stream names its events (Anthropic, Responses). */
  event?: string;
  /** The `data:` payload, parsed as JSON unless it is not JSON (`[DONE]`). */
  data: unknown;
}

/** Parses a whole server-sent-event body; for tests that inspect the wire format directly. */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event: SseEvent = { data: undefined };
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event.event = line.slice('event: '.length);
        else if (line.startsWith('data: ')) event.data = parseData(line.slice('data: '.length));
      }
      return event;
    });
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
