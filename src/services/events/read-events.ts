import type { ApiCaller, ApiDeps } from '../api/index.js';
import type { FeedEvent } from '../../store/feed.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { eventsDocs, readEventsInput, type ReadEventsInput } from './schemas.js';

/** Checks a read's parameters: E_USAGE naming the field (`filter.kinds.0: …`). */
export function parseReadEvents(input: unknown): ReadEventsInput {
  return parseInput(readEventsInput, input, 'events', eventsDocs);
}

/**
 * The caller's tenant's events after `after` (issue 12), oldest first, at most `limit`: what the SSE
 * stream sends, and a polling reader's page. Any token may read (the feed holds ids and summaries).
 */
export async function readEvents(deps: Pick<ApiDeps, 'store'>, caller: ApiCaller, input: unknown): Promise<{ events: FeedEvent[] }> {
  const { after, filter, limit } = parseReadEvents(input);
  const events = await deps.store.readFeed(caller.scope, { limit, ...(after !== undefined && { after }), ...(filter !== undefined && { filter }) });
  return { events };
}
