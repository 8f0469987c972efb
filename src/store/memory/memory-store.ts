import { parseBranchStep, serializeBranchStep } from '../branch-step-json.js';
import { parseCheckpointJson, serializeCheckpoint } from '../checkpoint-input.js';
import { serializeEventInput, serializeJson, toStoredEvent } from '../event-input.js';
import { runCostsOf } from './run-costs.js';
import { canAcquireLease, canReleaseLease, canRenewLease, validateLeaseTiming } from '../lease-rules.js';
import { applyRunPatch, compareRunsNewestFirst, createRunRecord } from '../run-record.js';
import type { NodeProcess } from '../node-process.js';
import type { Delivery, DeliveryClaim, DeliveryFailure, DeliveryFilter, NewDelivery } from '../outbox.js';
import { validateRunFiles, type RunFile } from '../run-file.js';
import type { Store } from '../store.js';
import { checkpointExistsError, nodeRecordExistsError, nodeRecordNotFoundError, runExistsError, runNotFoundError } from '../store-errors.js';
import { MemoryWebLoginStore } from './memory-web-logins.js';
import { runEventEntry } from '../feed-entries.js';
import { serializeFeedEvent, type FeedEvent, type FeedQuery, type NewFeedEvent } from '../feed.js';
import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import type { BranchStep, Checkpoint, CheckpointHead, EventInput, Lease, NewRun, NodeEnd, NodeRecord, NodeStart, RunFilter, RunPatch, RunRecord, StoredEvent } from '../types.js';
import { MemoryOutbox } from './memory-outbox.js';

/** What the memory store keeps per run; checkpoints and events as JSON, exactly as SQLite does. */
interface RunTables {
  record: RunRecord;
  checkpoints: Map<number, { head: CheckpointHead; json: string }>;
  events: Array<{ seq: number; json: string }>;
  nodeRecords: Map<number, NodeRecord>;
  processes: Map<number, NodeProcess>;
  /** Keyed by checkpoint seq, branch and step (JSON of the three). */
  branchSteps: Map<string, { step: BranchStep; json: string }>;
  /** Run-directory files by path (run-file.ts). */
  files: Map<string, string>;
}

/**
 * The Store in memory, for engine tests: the same rules and errors as SQLite (the conformance
 * suite runs against both). Values are copied in and out, so callers never share state with it.
 * A write validates and serializes everything before it changes anything, which is what makes
 * commitCheckpoint all-or-nothing here.
 */
export function createMemoryStore(): Store {
  return new MemoryStore();
}

class MemoryStore extends MemoryWebLoginStore implements Store {
  readonly kind = 'memory' as const;
  readonly ordersWrites = true;
  private readonly runs = new Map<string, RunTables>();
  private readonly leases = new Map<string, Lease>();
  private readonly outbox = new MemoryOutbox((work) => this.guard(work));

  createRun(run: NewRun): Promise<RunRecord> {
    return this.guard(() => {
      if (this.runs.has(run.id)) throw runExistsError(run.id);
      // Through JSON, as SQLite stores them, so both stores hand back the same values.
      const variables = JSON.parse(serializeJson(`variables of run "${run.id}"`, run.variables)) as RunRecord['variables'];
      const options = JSON.parse(serializeJson(`options of run "${run.id}"`, run.options)) as RunRecord['options'];
      const record = { ...createRunRecord(run), variables, options };
      this.runs.set(run.id, { record, checkpoints: new Map(), events: [], nodeRecords: new Map(), processes: new Map(), branchSteps: new Map(), files: new Map() });
      return copyRun(record);
    });
  }

  getRun(id: string): Promise<RunRecord | undefined> {
    return this.guard(() => {
      const tables = this.runs.get(id);
      return tables && copyRun(tables.record);
    });
  }

  findRunsByPrefix(prefix: string): Promise<RunRecord[]> {
    return this.guard(() => this.sortedRuns().filter((run) => run.id.startsWith(prefix)));
  }

  listRuns(filter: RunFilter = {}): Promise<RunRecord[]> {
    return this.guard(() => {
      const runs = this.sortedRuns().filter((run) => filter.state === undefined || run.state === filter.state);
      return filter.limit === undefined ? runs : runs.slice(0, Math.max(0, filter.limit));
    });
  }

  updateRun(id: string, patch: RunPatch): Promise<void> {
    return this.guard(() => {
      const tables = this.require(id);
      tables.record = applyRunPatch(tables.record, patch);
    });
  }

  commitCheckpoint(runId: string, checkpoint: Checkpoint, patch: RunPatch, events: EventInput[]): Promise<StoredEvent[]> {
    return this.guard(() => {
      const json = serializeCheckpoint(runId, checkpoint);
      const tables = this.require(runId);
      if (tables.checkpoints.has(checkpoint.seq)) throw checkpointExistsError(runId, checkpoint.seq);
      const pending = this.prepareEvents(runId, tables, events);
      const { seq, currentNode, nextNode, timestamp } = checkpoint;
      tables.checkpoints.set(seq, { head: { seq, currentNode, nextNode, timestamp }, json });
      tables.record = applyRunPatch(tables.record, patch);
      return this.commitEvents(tables, pending);
    });
  }

  getCheckpoint(runId: string, seq: number): Promise<Checkpoint | undefined> {
    return this.guard(() => parseCheckpointJson(this.runs.get(runId)?.checkpoints.get(seq)?.json));
  }

  latestCheckpoint(runId: string): Promise<Checkpoint | undefined> {
    return this.guard(() => {
      const entries = [...(this.runs.get(runId)?.checkpoints.values() ?? [])];
      const latest = entries.reduce<(typeof entries)[number] | undefined>((best, entry) => (!best || entry.head.seq > best.head.seq ? entry : best), undefined);
      return parseCheckpointJson(latest?.json);
    });
  }

  listCheckpoints(runId: string): Promise<CheckpointHead[]> {
    return this.guard(() =>
      [...(this.runs.get(runId)?.checkpoints.values() ?? [])].map((entry) => ({ ...entry.head })).sort((a, b) => a.seq - b.seq),
    );
  }

  appendEvents(runId: string, events: EventInput[]): Promise<StoredEvent[]> {
    return this.guard(() => {
      const tables = this.require(runId);
      return this.commitEvents(tables, this.prepareEvents(runId, tables, events));
    });
  }

  readEvents(runId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    return this.guard(() => {
      const after = (this.runs.get(runId)?.events ?? []).filter((row) => row.seq > afterSeq);
      const page = limit === undefined ? after : after.slice(0, Math.max(0, limit));
      return page.map((row) => toStoredEvent(runId, row.seq, row.json));
    });
  }

  runCosts(runIds: readonly string[]): Promise<Map<string, number>> {
    return this.guard(() => runCostsOf(runIds, (runId) => this.runs.get(runId)?.events ?? []));
  }

  recordNodeStart(record: NodeStart): Promise<void> {
    return this.guard(() => {
      const tables = this.require(record.runId);
      if (tables.nodeRecords.has(record.index)) throw nodeRecordExistsError(record.runId, record.index);
      tables.nodeRecords.set(record.index, {
        ...pickNodeStart(record),
        status: 'running',
        finishedAt: undefined,
        notes: undefined,
        failureReason: undefined,
      });
    });
  }

  recordNodeEnd(runId: string, index: number, end: NodeEnd): Promise<void> {
    return this.guard(() => {
      const tables = this.require(runId);
      const current = tables.nodeRecords.get(index);
      if (!current) throw nodeRecordNotFoundError(runId, index);
      tables.nodeRecords.set(index, { ...current, status: end.status, finishedAt: end.finishedAt, notes: end.notes, failureReason: end.failureReason });
    });
  }

  listNodeRecords(runId: string): Promise<NodeRecord[]> {
    return this.guard(() =>
      [...(this.runs.get(runId)?.nodeRecords.values() ?? [])].map((record) => ({ ...record })).sort((a, b) => a.index - b.index),
    );
  }

  commitBranchSteps(runId: string, steps: BranchStep[], events: EventInput[]): Promise<StoredEvent[]> {
    return this.guard(() => {
      const tables = this.require(runId);
      const rows = steps.map((step) => ({ key: JSON.stringify([step.checkpointSeq, step.branch, step.step]), step, json: serializeBranchStep(runId, step) }));
      const pending = this.prepareEvents(runId, tables, events);
      for (const row of rows) if (!tables.branchSteps.has(row.key)) tables.branchSteps.set(row.key, row);
      return this.commitEvents(tables, pending);
    });
  }

  listBranchSteps(runId: string, checkpointSeq: number): Promise<BranchStep[]> {
    return this.guard(() =>
      [...(this.runs.get(runId)?.branchSteps.values() ?? [])]
        .filter((row) => row.step.checkpointSeq === checkpointSeq)
        .map(({ step, json }) => parseBranchStep(step, json))
        .sort((a, b) => (a.branch === b.branch ? a.step - b.step : a.branch < b.branch ? -1 : 1)),
    );
  }

  acquireLease(runId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    return this.guard(() => {
      validateLeaseTiming(runId, ttlMs, now);
      if (!canAcquireLease(this.leases.get(runId), owner, now)) return false;
      this.leases.set(runId, { runId, owner, expiresAt: now + ttlMs });
      return true;
    });
  }

  renewLease(runId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    return this.guard(() => {
      validateLeaseTiming(runId, ttlMs, now);
      if (!canRenewLease(this.leases.get(runId), owner)) return false;
      this.leases.set(runId, { runId, owner, expiresAt: now + ttlMs });
      return true;
    });
  }

  releaseLease(runId: string, owner: string): Promise<void> {
    return this.guard(() => {
      if (canReleaseLease(this.leases.get(runId), owner)) this.leases.delete(runId);
    });
  }

  getLease(runId: string): Promise<Lease | undefined> {
    return this.guard(() => {
      const lease = this.leases.get(runId);
      return lease && { ...lease };
    });
  }

  recordNodeProcess(process: NodeProcess): Promise<void> {
    return this.guard(() => {
      this.require(process.runId).processes.set(process.pid, { ...process });
    });
  }

  clearNodeProcess(runId: string, pid: number): Promise<void> {
    return this.guard(() => {
      this.runs.get(runId)?.processes.delete(pid);
    });
  }

  listNodeProcesses(runId: string): Promise<NodeProcess[]> {
    return this.guard(() =>
      [...(this.runs.get(runId)?.processes.values() ?? [])].map((entry) => ({ ...entry })).sort((a, b) => a.startedAt - b.startedAt || a.pid - b.pid),
    );
  }

  putRunFiles(runId: string, files: RunFile[]): Promise<void> {
    return this.guard(() => {
      const tables = this.require(runId);
      validateRunFiles(runId, files);
      for (const file of files) tables.files.set(file.path, file.content);
    });
  }

  listRunFiles(runId: string): Promise<RunFile[]> {
    return this.guard(() => [...(this.runs.get(runId)?.files ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, content]) => ({ path, content })));
  }

  enqueueDelivery(delivery: NewDelivery): Promise<void> { return this.outbox.enqueueDelivery(delivery); }
  claimDeliveries(claim: DeliveryClaim): Promise<Delivery[]> { return this.outbox.claimDeliveries(claim); }
  markDelivered(id: string, owner: string, at: number): Promise<boolean> { return this.outbox.markDelivered(id, owner, at); }
  markFailed(id: string, owner: string, failure: DeliveryFailure): Promise<boolean> { return this.outbox.markFailed(id, owner, failure); }
  listDeliveries(tenant: string, filter?: DeliveryFilter): Promise<Delivery[]> { return this.outbox.listDeliveries(tenant, filter); }
  pinNoticeRouting(tenant: string, taskId: string, routing: unknown, at: number): Promise<void> { return this.outbox.pinNoticeRouting(tenant, taskId, routing, at); }
  getNoticeRouting(tenant: string, taskId: string): Promise<unknown> { return this.outbox.getNoticeRouting(tenant, taskId); }

  readFeed(scope: TenantScope, query: FeedQuery): Promise<FeedEvent[]> { return this.guard(() => this.feed.read(tenantOf(scope), query)); }
  appendFeedEvents(scope: TenantScope, events: readonly NewFeedEvent[]): Promise<FeedEvent[]> { return this.guard(() => events.map((event, i) => (serializeFeedEvent(event, i + 1), event)).map((event) => this.feed.add(tenantOf(scope), event))); }
  feedHead(scope: TenantScope): Promise<number> { return this.guard(() => this.feed.head(tenantOf(scope))); }
  pruneFeed(before: number): Promise<number> { return this.guard(() => this.feed.prune(before)); }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private require(runId: string): RunTables {
    const tables = this.runs.get(runId);
    if (!tables) throw runNotFoundError(runId);
    return tables;
  }

  private sortedRuns(): RunRecord[] {
    return [...this.runs.values()].map((tables) => copyRun(tables.record)).sort(compareRunsNewestFirst);
  }

  /** Validates and numbers the events without storing them, so a bad one changes nothing. */
  private prepareEvents(runId: string, tables: RunTables, events: EventInput[]): Array<{ seq: number; json: string; event: StoredEvent }> {
    const lastSeq = tables.events.at(-1)?.seq ?? 0;
    return events.map((event, position) => {
      const json = serializeEventInput(runId, event, position + 1);
      const seq = lastSeq + position + 1;
      return { seq, json, event: { ...event, runId, seq } as StoredEvent };
    });
  }

  private commitEvents(tables: RunTables, pending: Array<{ seq: number; json: string; event: StoredEvent }>): StoredEvent[] {
    for (const { seq, json, event } of pending) {
      tables.events.push({ seq, json });
      this.feed.add(tables.record.tenant, runEventEntry(tables.record.id, seq, event));
    }
    return pending.map((entry) => entry.event);
  }
}

function copyRun(record: RunRecord): RunRecord {
  return { ...record, variables: { ...record.variables }, options: structuredClone(record.options) };
}

function pickNodeStart(record: NodeStart): NodeStart {
  const { runId, nodeId, index, attempt, handler, startedAt } = record;
  return { runId, nodeId, index, attempt, handler, startedAt };
}
