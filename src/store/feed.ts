import type { TenantScope } from '../core/tenant-scope.js';
import { serializeJson } from './event-input.js';
import type { JsonObject } from './human-task-types.js';
import { invalidInputError } from './store-errors.js';

/*
 * The event feed (issue 12): one strictly ordered list of what changed in a tenant, which the
 * API's SSE stream serves with `Last-Event-ID` resume. The store fills it in the same transaction
 * as the change it reports (SQLite: triggers, see feed-triggers.ts), so an event is in the feed
 * exactly when its change is committed, whichever process made it. Payloads are small: the event
 * type, ids and a short summary; a client reads the resource for the rest.
 */

export const FeedKinds = ['run', 'human_task', 'workflow', 'task', 'guided'] as const;
export type FeedKind = (typeof FeedKinds)[number];

export interface FeedEvent {
  /** Position in the feed: increasing in commit order, never reused (the SSE event id). */
  id: number;
  kind: FeedKind;
  /** The run, human task, workflow instance, coding task (its number) or guided instance the event is about. */
  subject: string;
  /** `node.started`, `human_task.answered`, `workflow.completed`, `task.status`… (the SSE event name). */
  type: string;
  at: number;
  data: JsonObject;
}

/** What appendFeedEvents takes: events about things the store does not hold (coding tasks). */
export type NewFeedEvent = Omit<FeedEvent, 'id'>;

/**
 * Which events to read. The subject fields are alternatives (an event about any of them matches);
 * `kinds` narrows whatever matched. No field: every event of the tenant.
 */
export interface FeedFilter {
  runId?: string;
  taskRef?: string;
  humanTaskId?: string;
  workflowId?: string;
  guidedId?: string;
  kinds?: readonly FeedKind[];
}

export interface FeedQuery {
  /** Events with a greater id (0 or absent: from the oldest kept). */
  after?: number;
  filter?: FeedFilter;
  limit: number;
}

export interface FeedStore {
  /** The tenant's events after `after`, oldest first, at most `limit`. */
  readFeed(scope: TenantScope, query: FeedQuery): Promise<FeedEvent[]>;
  /**
   * The id of the tenant's newest event, 0 when it has none: where a reader that wants only what
   * happens from now on starts (`GET /events?after=now`). Every later event has a greater id.
   */
  feedHead(scope: TenantScope): Promise<number>;
  /** Appends events the store cannot see itself (a coding task's status), in order, in one transaction. */
  appendFeedEvents(scope: TenantScope, events: readonly NewFeedEvent[]): Promise<FeedEvent[]>;
  /**
   * Deletes events older than `before` (epoch ms) in every tenant; returns how many. Ids are never
   * reused, so a client resuming from a pruned id gets everything still kept, after it.
   */
  pruneFeed(before: number): Promise<number>;
}

/** The subject filters of `filter` as (kind, subject) pairs. */
export function feedSubjects(filter: FeedFilter = {}): Array<{ kind: FeedKind; subject: string }> {
  const pairs: Array<[FeedKind, string | undefined]> = [['run', filter.runId], ['task', filter.taskRef], ['human_task', filter.humanTaskId], ['workflow', filter.workflowId], ['guided', filter.guidedId]];
  return pairs.filter((pair): pair is [FeedKind, string] => pair[1] !== undefined).map(([kind, subject]) => ({ kind, subject }));
}

/** Whether `event` passes `filter` (the memory store's reading; SQLite's query says the same). */
export function matchesFeedFilter(event: Pick<FeedEvent, 'kind' | 'subject'>, filter: FeedFilter = {}): boolean {
  const subjects = feedSubjects(filter);
  if (subjects.length > 0 && !subjects.some((s) => s.kind === event.kind && s.subject === event.subject)) return false;
  return filter.kinds === undefined || filter.kinds.length === 0 || filter.kinds.includes(event.kind);
}

/** Refuses an event appendFeedEvents cannot store (both stores check alike); returns its data as JSON. */
export function serializeFeedEvent(event: NewFeedEvent, position: number): string {
  const what = `feed event ${position}`;
  if (!(FeedKinds as readonly string[]).includes(event.kind)) throw invalidInputError(what, `has kind ${JSON.stringify(event.kind)}; expected one of ${FeedKinds.join(', ')}`);
  if (typeof event.subject !== 'string' || event.subject === '') throw invalidInputError(what, 'has no subject');
  if (typeof event.type !== 'string' || event.type === '') throw invalidInputError(what, 'has no type');
  if (!Number.isFinite(event.at)) throw invalidInputError(what, 'has no valid "at" time');
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) throw invalidInputError(what, 'has data that is not an object');
  return serializeJson(`the data of ${what}`, event.data);
}
