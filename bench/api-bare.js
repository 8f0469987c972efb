// The API benchmark's peer (the framework's floor): a bare Hono app on @hono/node-server with the
// same routes as trivial handlers (a fixed JSON list; a POST echoing its body) and an SSE stream that
// pushes one event per write to every subscriber. No store, no auth. Prints its URL on stdout.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

const list = { items: Array.from({ length: 3 }, (_, i) => ({ id: `item-${i}`, title: `item ${i}`, status: 'open' })) };
const subscribers = new Set();
let lastId = 0;

/** One event to every subscriber, in order per subscriber (each has its own write chain). */
function publish(subject, type) {
  const event = { id: ++lastId, kind: 'human_task', subject, type, at: Date.now(), data: {} };
  const message = { id: String(event.id), event: type, data: JSON.stringify(event) };
  for (const sub of subscribers) sub.chain = sub.chain.then(() => sub.stream.writeSSE(message));
  return event.id;
}

const app = new Hono();
for (const path of ['/human-tasks', '/runs', '/workflows']) app.get(path, (c) => c.json(list));
app.post('/human-tasks', async (c) => {
  const body = await c.req.json();
  const id = `bare-${lastId + 1}`;
  return c.json({ id, ...body, eventId: publish(id, 'human_task.created') });
});
app.post('/human-tasks/:id/answer', async (c) => {
  const body = await c.req.json();
  return c.json({ id: c.req.param('id'), ...body, eventId: publish(c.req.param('id'), 'human_task.answered') });
});
app.get('/events', (c) =>
  streamSSE(c, async (stream) => {
    const sub = { stream, chain: Promise.resolve() };
    subscribers.add(sub);
    await new Promise((resolve) => stream.onAbort(resolve));
    subscribers.delete(sub);
  }),
);

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}`, pid: process.pid })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
