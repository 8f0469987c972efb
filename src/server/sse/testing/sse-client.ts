/** One received SSE message. */
export interface SseMessage {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/** A test's SSE connection: what it received so far, and its end. */
export interface SseConnection {
  status: number;
  messages: SseMessage[];
  heartbeats: number;
  /** Resolves when the stream ends (closed by either side, or the server died). */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens `url` with fetch and parses the Server-Sent Events it sends (tests only: the real client is
 * a browser's EventSource or any SSE library). Comment lines count as heartbeats.
 */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const connection: SseConnection = { status: response.status, messages: [], heartbeats: 0, ended: Promise.resolve(), close: () => controller.abort() };
  if (!response.body || response.status !== 200) return connection;
  connection.ended = read(response.body, connection);
  return connection;
}

async function read(body: ReadableStream<Uint8Array>, connection: SseConnection): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  // A reader rather than `for await`: with the DOM's types in the program (xterm's), ReadableStream has no async iterator.
  const reader = body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      buffer += decoder.decode(next.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        parseBlock(buffer.slice(0, end), connection);
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // Aborted by close(), or the server went away: the stream simply ends.
  }
}

function parseBlock(block: string, connection: SseConnection): void {
  const message: SseMessage = { id: undefined, event: undefined, data: '' };
  let fields = 0;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      connection.heartbeats += 1;
      continue;
    }
    const [, name, value = ''] = /^(id|event|data): ?(.*)$/.exec(line) ?? [];
    if (name === 'id') message.id = value;
    else if (name === 'event') message.event = value;
    else if (name === 'data') message.data += value;
    if (name !== undefined) fields += 1;
  }
  if (fields > 0) connection.messages.push(message);
}
