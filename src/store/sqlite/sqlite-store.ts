import type Database from 'better-sqlite3';
import { serializeJson } from '../event-input.js';
import { validateLeaseTiming } from '../lease-rules.js';
import { createRunRecord, presentPatchKeys } from '../run-record.js';
import type { NodeProcess } from '../node-process.js';
import type { Store } from '../store.js';
import { checkpointExistsError, nodeRecordExistsError, nodeRecordNotFoundError, runExistsError, runNotFoundError } from '../store-errors.js';
import { tenantOf } from '../../core/tenant-scope.js';
import type { RunFile } from '../run-file.js';
import type { BranchStep, Checkpoint, CheckpointHead, EventInput, Lease, NewRun, NodeEnd, NodeRecord, NodeStart, RunFilter, RunPatch, RunRecord, StoredEvent } from '../types.js';
import { createBranchStepTable, type BranchStepTable } from './branch-steps.js';
import { CheckpointRows, type CheckpointRow } from './checkpoint-rows.js';
import { LeaseRows } from './lease-rows.js';
import { fromEventRow, insertEventRows } from './event-rows.js';
import { NodeProcessRows } from './node-process-rows.js';
import { OutboxRows } from './outbox-rows.js';
import { RunFileRows } from './run-file-rows.js';
import { fromNodeRecordRow, fromRunRow, fromRunRowMarked, runPatchColumns, toRunRow } from './rows.js';
import { FeedTable } from './feed-table.js';
import { HumanTaskTable } from './human-task-table.js';
import { isConstraintError, toStoreError } from './sqlite-errors.js';
import { SqliteWebLoginStore } from './sqlite-web-login-store.js';
import { createRunPatchStatements, prepareStatements } from './statements.js';

// Checkpoints and run state must survive power loss; node records and events may lag behind them.
const [durable, ordinary] = [true, false];

/**
 * The Store on one SQLite file (WAL; synchronous=FULL for checkpoints and run state, NORMAL otherwise).
 * better-sqlite3 is synchronous. The engine's frequent writes (checkpoints, events, node records,
 * run patches) are group-committed (group-commit.ts) in the order issued (`ordersWrites`); other
 * calls run at once, after committing whatever is queued, so every call sees the writes issued before it. Transactions are IMMEDIATE:
 * they take the write lock up front (no upgrade deadlock between processes).
 */
export class SqliteStore extends SqliteWebLoginStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly ordersWrites = true;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly runPatchStatement: ReturnType<typeof createRunPatchStatements>;
  private readonly commitTransaction;
  private readonly appendTransaction;
  private readonly leases: LeaseRows;
  private readonly checkpoints: CheckpointRows;
  private readonly processes: NodeProcessRows;
  private readonly branchSteps: BranchStepTable;
  private readonly files: RunFileRows;
  private readonly outbox: OutboxRows;
  private readonly humanTasks: HumanTaskTable;
  private readonly feed: FeedTable;

  constructor(db: Database.Database, path: string, busyTimeoutMs: number) {
    super(db, path, busyTimeoutMs);
    this.sql = prepareStatements(db);
    this.checkpoints = new CheckpointRows(path);
    this.humanTasks = new HumanTaskTable(db);
    this.feed = new FeedTable(db);
    this.runPatchStatement = createRunPatchStatements(db);
    this.processes = new NodeProcessRows(db);
    this.files = new RunFileRows(db);
    this.outbox = new OutboxRows(db);
    this.branchSteps = createBranchStepTable(db, { requireRun: (id) => this.requireRun(id), insertEvents: (id, events) => insertEventRows(this.db, this.sql, this.path, id, events) });
    this.commitTransaction = db.transaction((runId: string, checkpoint: Checkpoint, row: CheckpointRow, patch: RunPatch, events: EventInput[]) => {
      this.requireRun(runId);
      try {
        this.sql.insertCheckpoint.run(runId, checkpoint.seq, checkpoint.currentNode, checkpoint.nextNode, checkpoint.timestamp, row.json, row.baseSeq);
      } catch (error) {
        throw isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') ? checkpointExistsError(runId, checkpoint.seq) : error;
      }
      this.patchRun(runId, patch);
      return insertEventRows(this.db, this.sql, this.path, runId, events);
    });
    this.appendTransaction = db.transaction((runId: string, events: EventInput[]) => {
      this.requireRun(runId);
      return insertEventRows(this.db, this.sql, this.path, runId, events);
    });
    this.leases = new LeaseRows(db, this.sql);
  }

  createRun(run: NewRun): Promise<RunRecord> {
    return this.guard(() => {
      const record = createRunRecord(run);
      const row = toRunRow(record, serializeJson(`variables of run "${run.id}"`, record.variables), serializeJson(`options of run "${run.id}"`, record.options));
      try {
        this.sql.insertRun.run(row);
      } catch (error) {
        throw isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') ? runExistsError(run.id) : error;
      }
      return record;
    });
  }

  getRun(id: string): Promise<RunRecord | undefined> {
    return this.guard(() => {
      const row = this.sql.getRun.get(id);
      return row && fromRunRow(row, this.path);
    });
  }

  findRunsByPrefix(prefix: string): Promise<RunRecord[]> {
    return this.guard(() => this.sql.runsByPrefix.all({ prefix }).map((row) => fromRunRowMarked(row, this.path)));
  }

  listRuns(filter: RunFilter = {}): Promise<RunRecord[]> {
    return this.guard(() => {
      const limit = filter.limit === undefined ? -1 : Math.max(0, filter.limit);
      const rows = filter.state === undefined ? this.sql.listRuns.all({ limit }) : this.sql.listRunsInState.all({ state: filter.state, limit });
      return rows.map((row) => fromRunRowMarked(row, this.path));
    });
  }

  updateRun(id: string, patch: RunPatch): Promise<void> {
    return this.submit(durable, () => {
      this.requireRun(id);
      this.patchRun(id, patch);
      if (patch.state !== undefined && patch.state !== 'running') this.checkpoints.forget(id);
    });
  }

  commitCheckpoint(runId: string, checkpoint: Checkpoint, patch: RunPatch, events: EventInput[]): Promise<StoredEvent[]> {
    let row: CheckpointRow;
    try {
      // Stringified before the batch: the write lock is held only for the inserts.
      row = this.checkpoints.encode(runId, checkpoint);
    } catch (error) {
      return Promise.reject(toStoreError(error, this.path, this.busyTimeoutMs));
    }
    return this.submit(durable, () => this.commitTransaction(runId, checkpoint, row, patch, events)).then((stored) => {
      this.afterCheckpoint(runId, checkpoint, row, patch);
      return stored;
    });
  }

  getCheckpoint(runId: string, seq: number): Promise<Checkpoint | undefined> {
    return this.guard(() => this.readCheckpoint(runId, this.sql.getCheckpoint.get(runId, seq)));
  }

  latestCheckpoint(runId: string): Promise<Checkpoint | undefined> {
    return this.guard(() => this.readCheckpoint(runId, this.sql.latestCheckpoint.get(runId)));
  }

  listCheckpoints(runId: string): Promise<CheckpointHead[]> {
    return this.guard(() => this.sql.listCheckpoints.all(runId).map((row) => ({ seq: row.seq, currentNode: row.current_node, nextNode: row.next_node, timestamp: row.at })));
  }

  appendEvents(runId: string, events: EventInput[]): Promise<StoredEvent[]> {
    return this.submit(ordinary, () => this.appendTransaction(runId, events));
  }

  readEvents(runId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    return this.guard(() => {
      const rows = this.sql.readEvents.all(runId, afterSeq, limit === undefined ? -1 : Math.max(0, limit));
      return rows.map((row) => fromEventRow(this.path, runId, row));
    });
  }

  recordNodeStart(record: NodeStart): Promise<void> {
    return this.submit(ordinary, () => {
      try {
        this.sql.insertNodeRecord.run(record.runId, record.index, record.nodeId, record.attempt, record.handler, record.startedAt);
      } catch (error) {
        if (isConstraintError(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw runNotFoundError(record.runId);
        if (isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY')) throw nodeRecordExistsError(record.runId, record.index);
        throw error;
      }
    });
  }

  recordNodeEnd(runId: string, index: number, end: NodeEnd): Promise<void> {
    return this.submit(ordinary, () => {
      const { changes } = this.sql.endNodeRecord.run(end.status, end.finishedAt ?? null, end.notes ?? null, end.failureReason ?? null, runId, index);
      if (changes === 0) {
        this.requireRun(runId);
        throw nodeRecordNotFoundError(runId, index);
      }
    });
  }

  listNodeRecords(runId: string): Promise<NodeRecord[]> {
    return this.guard(() => this.sql.listNodeRecords.all(runId).map(fromNodeRecordRow));
  }

  commitBranchSteps(runId: string, steps: BranchStep[], events: EventInput[]): Promise<StoredEvent[]> {
    // Durable like a checkpoint: the branch's next node starts only after this commits (synchronous=FULL).
    return this.submit(durable, () => this.branchSteps.commit(runId, steps, events));
  }

  listBranchSteps(runId: string, checkpointSeq: number): Promise<BranchStep[]> {
    return this.guard(() => this.branchSteps.list(runId, checkpointSeq));
  }

  acquireLease(runId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    return this.guard(() => {
      validateLeaseTiming(runId, ttlMs, now);
      return this.leases.acquire(runId, owner, ttlMs, now);
    });
  }

  renewLease(runId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    return this.guard(() => {
      validateLeaseTiming(runId, ttlMs, now);
      return this.leases.renew(runId, owner, ttlMs, now);
    });
  }

  releaseLease(runId: string, owner: string): Promise<void> {
    return this.guard(() => this.leases.release(runId, owner));
  }

  getLease(runId: string): Promise<Lease | undefined> {
    return this.guard(() => this.leases.read(runId));
  }

  // Durable: the record must outlive a crash of this process, or resume could not end the group.
  recordNodeProcess(process: NodeProcess): Promise<void> {
    return this.submit(durable, () => this.processes.record(process));
  }

  clearNodeProcess(runId: string, pid: number): Promise<void> {
    return this.submit(ordinary, () => this.processes.clear(runId, pid));
  }

  listNodeProcesses(runId: string): Promise<NodeProcess[]> {
    return this.guard(() => this.processes.all(runId));
  }

  // Ordinary: the checkpoint after them, in this batch or a later one, makes them durable.
  putRunFiles(runId: string, files: RunFile[]): Promise<void> {
    return this.submit(ordinary, () => this.files.put(runId, files));
  }

  listRunFiles(runId: string): Promise<RunFile[]> {
    return this.guard(() => this.files.all(runId));
  }

  // The outbox (outbox-rows.ts); an enqueued notice is durable.
  enqueueDelivery: Store['enqueueDelivery'] = (delivery) => this.submit(durable, () => this.outbox.enqueue(delivery));
  claimDeliveries: Store['claimDeliveries'] = (claim) => this.guard(() => this.outbox.claim(claim));
  markDelivered: Store['markDelivered'] = (id, owner, at) => this.guard(() => this.outbox.markDelivered(id, owner, at));
  markFailed: Store['markFailed'] = (id, owner, failure) => this.guard(() => this.outbox.markFailed(id, owner, failure));
  listDeliveries: Store['listDeliveries'] = (tenant, filter = {}) => this.guard(() => this.outbox.list(tenant, filter));
  pinNoticeRouting: Store['pinNoticeRouting'] = (tenant, taskId, routing, at) => this.submit(durable, () => this.outbox.pinRouting(tenant, taskId, routing, at));
  getNoticeRouting: Store['getNoticeRouting'] = (tenant, taskId) => this.guard(() => this.outbox.getRouting(tenant, taskId));

  // Human tasks (human-task-table.ts). Changes are durable: an answer, once acknowledged, is never lost.
  createHumanTask: Store['createHumanTask'] = (scope, task, timers = []) =>
    this.submit(durable, () => {
      const created = this.humanTasks.create(tenantOf(scope), task);
      this.timers.schedule(created.tenant, timers);
      return created;
    });
  getHumanTask: Store['getHumanTask'] = (scope, id) => this.guard(() => this.humanTasks.get(tenantOf(scope), id));
  listHumanTasks: Store['listHumanTasks'] = (scope, filter = {}) => this.guard(() => this.humanTasks.list(tenantOf(scope), filter));
  updateHumanTask: Store['updateHumanTask'] = (scope, id, decide) => this.submit(durable, () => this.taskChanged(this.humanTasks.update(tenantOf(scope), id, decide)));
  takeHumanTaskAnswer: Store['takeHumanTaskAnswer'] = (scope, id, now) => this.submit(durable, () => this.humanTasks.take(tenantOf(scope), id, now));

  // The event feed (feed-table.ts); the triggers write most of it. An appended event is durable.
  readFeed: Store['readFeed'] = (scope, query) => this.guard(() => this.feed.read(tenantOf(scope), query));
  feedHead: Store['feedHead'] = (scope) => this.guard(() => this.feed.head(tenantOf(scope)));
  appendFeedEvents: Store['appendFeedEvents'] = (scope, events) => this.submit(durable, () => this.feed.append(tenantOf(scope), events));
  pruneFeed: Store['pruneFeed'] = (before) => this.guard(() => this.feed.prune(before));

  private readCheckpoint(runId: string, row: CheckpointRow | undefined): Checkpoint | undefined {
    return this.checkpoints.decode(runId, row, (seq) => this.sql.getCheckpoint.get(runId, seq));
  }

  /** The next checkpoint of a running run is stored as a delta against this one. */
  private afterCheckpoint(runId: string, checkpoint: Checkpoint, row: CheckpointRow, patch: RunPatch): void {
    if (patch.state === undefined || patch.state === 'running') this.checkpoints.remember(runId, checkpoint, row);
    else this.checkpoints.forget(runId);
  }

  private requireRun(runId: string): void {
    if (this.sql.runExists.get(runId) === undefined) throw runNotFoundError(runId);
  }

  private patchRun(runId: string, patch: RunPatch): void {
    const keys = presentPatchKeys(patch);
    if (keys.length === 0) return;
    const params: Record<string, unknown> = { id: runId };
    for (const key of keys) params[runPatchColumns[key]] = patch[key] ?? null;
    this.runPatchStatement(keys).run(params);
  }
}
