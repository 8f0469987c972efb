import { z } from 'zod';
import { FeedKinds } from '../../store/feed.js';

/** Where the events' parameters are documented, for the hint of a bad one. */
export const eventsDocs = 'docs/api.md (Events)';

const id = z.string().min(1).max(200);

/** Which events a reader wants (src/store/feed.ts FeedFilter): subjects are alternatives, `kinds` narrows. */
export const feedFilterSchema = z.strictObject({
  runId: id.optional(),
  taskRef: id.optional(),
  humanTaskId: id.optional(),
  workflowId: id.optional(),
  kinds: z.array(z.enum(FeedKinds)).max(FeedKinds.length).optional(),
});

export const readEventsInput = z.strictObject({
  /** The last event id the reader has (SSE: Last-Event-ID); 0 or absent reads from the oldest kept. */
  after: z.number().int().min(0).optional(),
  filter: feedFilterSchema.optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});

export type ReadEventsInput = z.output<typeof readEventsInput>;

/** One feed event as the API sends it (the SSE data, and the JSON list). */
export const feedEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(FeedKinds),
  subject: z.string(),
  type: z.string(),
  at: z.number(),
  data: z.record(z.string(), z.unknown()),
});
