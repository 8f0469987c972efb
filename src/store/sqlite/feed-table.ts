import type Database from 'better-sqlite3';
import { feedSubjects, serializeFeedEvent, type FeedEvent, type FeedKind, type FeedQuery, type NewFeedEvent } from '../feed.js';
import type { JsonObject, JsonValue } from '../human-task-types.js';

interface FeedRow {
  id: number;
  kind: FeedKind;
  subject: string;
  type: string;
  at: number;
  data_json: string;
}

// One statement for every filter: a NULL parameter switches its condition off; json_each takes lists.
const readSql = `SELECT id, kind, subject, type, at, data_json FROM feed WHERE tenant = @tenant AND id > @after
  AND (@subjects IS NULL OR EXISTS (SELECT 1 FROM json_each(@subjects) AS s WHERE json_extract(s.value, '$.kind') = feed.kind AND json_extract(s.value, '$.subject') = feed.subject))
  AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
  ORDER BY id LIMIT @limit`;

/** The SQLite side of the feed (src/store/feed.ts); the triggers of feed-schema.ts do most of the writing. */
export class FeedTable {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      read: db.prepare<[Record<string, unknown>], FeedRow>(readSql),
      insert: db.prepare<[string, FeedKind, string, string, number, string], FeedRow>('INSERT INTO feed (tenant, kind, subject, type, at, data_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING *'),
      prune: db.prepare<[number]>('DELETE FROM feed WHERE at < ?'),
      head: db.prepare<[string], { head: number }>('SELECT COALESCE(MAX(id), 0) AS head FROM feed WHERE tenant = ?'),
    };
  }

  read(tenant: string, query: FeedQuery): FeedEvent[] {
    const subjects = feedSubjects(query.filter);
    const kinds = query.filter?.kinds;
    return this.sql.read
      .all({
        tenant,
        after: query.after ?? 0,
        subjects: subjects.length === 0 ? null : JSON.stringify(subjects),
        kinds: kinds === undefined || kinds.length === 0 ? null : JSON.stringify(kinds),
        limit: Math.max(0, query.limit),
      })
      .map(fromFeedRow);
  }

  head(tenant: string): number {
    return this.sql.head.get(tenant)?.head ?? 0;
  }

  /** Inside the caller's transaction: all or nothing. */
  append(tenant: string, events: readonly NewFeedEvent[]): FeedEvent[] {
    const rows = events.map((event, i) => ({ event, json: serializeFeedEvent(event, i + 1) }));
    return rows.map(({ event, json }) => fromFeedRow(this.sql.insert.get(tenant, event.kind, event.subject, event.type, event.at, json) as FeedRow));
  }

  prune(before: number): number {
    return this.sql.prune.run(before).changes;
  }
}

/** A row as a FeedEvent; json_object's nulls (a run event without a node) are left out. */
function fromFeedRow(row: FeedRow): FeedEvent {
  const parsed = JSON.parse(row.data_json) as Record<string, JsonValue>;
  const data: JsonObject = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== null));
  return { id: row.id, kind: row.kind, subject: row.subject, type: row.type, at: row.at, data };
}
