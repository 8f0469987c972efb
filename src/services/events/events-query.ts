import { z } from 'zod';
import { FeedKinds } from '../../store/feed.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { eventsDocs, type ReadEventsInput } from './schemas.js';

const cursor = z.string().regex(/^\d{1,15}$/, 'expected an event id (digits)').transform(Number);
// `now`: only what happens from the connection on (a page that has just read its lists wants no history).
const start = z.string().regex(/^(\d{1,15}|now)$/, 'expected an event id (digits) or "now"').transform((value) => (value === 'now' ? 'now' : Number(value)));
const id = z.string().min(1).max(200);

/** GET /events's query string and Last-Event-ID header; an unknown parameter is refused, so a typo is not a silent "everything". */
const eventsQuery = z.strictObject({
  run: id.optional(),
  task: id.optional(),
  human_task: id.optional(),
  workflow: id.optional(),
  kinds: z.string().transform((list) => list.split(',').map((kind) => kind.trim())).pipe(z.array(z.enum(FeedKinds))).optional(),
  after: start.optional(),
  'Last-Event-ID': cursor.optional(),
});

/** What an SSE stream reads; `fromNow`: it starts after the tenant's newest event (`?after=now`). */
export type FollowInput = ReadEventsInput & { fromNow?: true };

/**
 * The read an SSE request asks for: `run`, `task`, `human_task`, `workflow` (any of them), `kinds`
 * (comma-separated), and the cursor from `Last-Event-ID` (what a reconnecting EventSource sends; it
 * wins over `?after=`, which the reconnect repeats from the first URL, `now` included: a reconnect
 * resumes where the stream was, not at a new "now"). E_USAGE names the parameter.
 */
export function eventsInputFromQuery(query: Record<string, string>, lastEventId: string | undefined, limit = 100): FollowInput {
  const q = parseInput(eventsQuery, { ...query, ...(lastEventId !== undefined && { 'Last-Event-ID': lastEventId }) }, 'GET /events', eventsDocs);
  const filter = {
    ...(q.run !== undefined && { runId: q.run }),
    ...(q.task !== undefined && { taskRef: q.task }),
    ...(q.human_task !== undefined && { humanTaskId: q.human_task }),
    ...(q.workflow !== undefined && { workflowId: q.workflow }),
    ...(q.kinds !== undefined && { kinds: q.kinds }),
  };
  const after = q['Last-Event-ID'] ?? q.after;
  if (after === 'now') return { limit, filter, fromNow: true };
  return { limit, filter, ...(after !== undefined && { after }) };
}
