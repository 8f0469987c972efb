import { matchesFeedFilter, type FeedEvent, type FeedQuery, type NewFeedEvent } from '../feed.js';
import type { JsonObject } from '../human-task-types.js';

/**
 * The event feed in memory (src/store/feed.ts): the memory store adds an entry wherever SQLite's
 * triggers would, in the same order, so both stores give the same feed for the same calls.
 */
export class MemoryFeed {
  private readonly rows: Array<FeedEvent & { tenant: string }> = [];
  private lastId = 0;

  add(tenant: string, event: NewFeedEvent): FeedEvent {
    // Through JSON, as SQLite keeps it, so a caller's later change to `data` cannot reach the feed.
    const stored = { ...event, id: ++this.lastId, data: JSON.parse(JSON.stringify(event.data)) as JsonObject };
    this.rows.push({ ...stored, tenant });
    return structuredClone(stored);
  }

  read(tenant: string, query: FeedQuery): FeedEvent[] {
    const after = query.after ?? 0;
    return this.rows
      .filter((row) => row.tenant === tenant && row.id > after && matchesFeedFilter(row, query.filter))
      .slice(0, Math.max(0, query.limit))
      .map(({ tenant: _tenant, ...event }) => structuredClone(event));
  }

  head(tenant: string): number {
    return this.rows.reduce((head, row) => (row.tenant === tenant && row.id > head ? row.id : head), 0);
  }

  prune(before: number): number {
    const kept = this.rows.filter((row) => row.at >= before);
    const removed = this.rows.length - kept.length;
    this.rows.splice(0, this.rows.length, ...kept);
    return removed;
  }
}
