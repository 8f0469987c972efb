// One SSE subscriber over an HTTP stream (no client library: Node 20 has no EventSource): records,
// for every event, its id and how long after the event's `at` (the writer's clock, same machine) it
// arrived. Comment lines (heartbeats) are skipped.

/** Opens `url` and resolves once the response's headers are in; events are counted until `close()`. */
import { stream } from './api-http.js';

export async function subscribe(url, headers) {
  const ended = new AbortController();
  const response = await stream(url, { accept: 'text/event-stream', ...headers });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  const sub = { ids: new Set(), latencies: [], duplicates: 0, error: undefined, close: () => (ended.abort(), response.close()) };
  void read(response.body, sub, ended.signal);
  return sub;
}

async function read(body, sub, signal) {
  let buffer = '';
  try {
    for await (const chunk of body) {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        onMessage(buffer.slice(0, end), sub);
        buffer = buffer.slice(end + 2);
      }
    }
    if (!signal.aborted) sub.error = 'the stream ended';
  } catch (error) {
    if (!signal.aborted) sub.error = error.message;
  }
}

function onMessage(message, sub) {
  const received = Date.now();
  const data = message.split('\n').find((line) => line.startsWith('data:'));
  if (data === undefined) return;
  const event = JSON.parse(data.slice(5));
  if (sub.ids.has(event.id)) sub.duplicates += 1;
  sub.ids.add(event.id);
  sub.latencies.push(received - event.at);
}
