import type { ApiTokenStore } from './api-tokens.js';
import type { FeedStore } from './feed.js';
import type { GuidedStore } from './guided.js';
import type { HumanTaskTimerStore } from './human-task-timers.js';
import type { HumanTaskStore } from './human-tasks.js';
import type { TimerStore } from './timers.js';
import type { WorkflowStore } from './workflows.js';
import type { WebLoginStore } from './web-logins.js';
import type { NodeProcess } from './node-process.js';
import type { OutboxStore } from './outbox.js';
import type { RunFile } from './run-file.js';
import type { BranchStep, Checkpoint, CheckpointHead, EventInput, Lease, NewRun, NodeEnd, NodeRecord, NodeStart, RunFilter, RunPatch, RunRecord, StoredEvent } from './types.js';

/**
 * The single source of truth for runs. SQLite is the embedded default; PostgreSQL comes later
 * behind the same interface, and `store.case.ts` is the conformance suite both must pass.
 * Every method is async so that networked stores fit without changing callers. Tenant-owned
 * parts (human tasks, human-tasks.ts; timers, timers.ts; workflows, workflows.ts; guided workflows, guided.ts; the event feed, feed.ts) take a
 * TenantScope first; the notification outbox is its own part (outbox.ts). API tokens (api-tokens.ts) and web logins
 * (web-logins.ts) are found by hash across tenants, to authenticate.
 */
export interface Store extends HumanTaskStore, TimerStore, HumanTaskTimerStore, OutboxStore, WorkflowStore, ApiTokenStore, FeedStore, GuidedStore, WebLoginStore {
  readonly kind: 'sqlite' | 'memory' | 'postgres';
  /**
   * True when writes issued one after another without waiting are applied in the order issued
   * (SQLite's group commit, memory): the engine then hands each write over at once, and a node's
   * writes share a transaction. A store over the network, whose calls may overtake each other,
   * leaves it unset and gets each write once the one before has finished.
   */
  readonly ordersWrites?: boolean;

  createRun(run: NewRun): Promise<RunRecord>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Runs whose id starts with `prefix`, newest first (the CLI accepts unambiguous prefixes). */
  findRunsByPrefix(prefix: string): Promise<RunRecord[]>;
  listRuns(filter?: RunFilter): Promise<RunRecord[]>;
  updateRun(id: string, patch: RunPatch): Promise<void>;

  /**
   * Commits the checkpoint, the run's current node and any events in one transaction, and returns
   * the events with their assigned sequence numbers. Nothing is visible to readers until it commits.
   */
  commitCheckpoint(runId: string, checkpoint: Checkpoint, patch: RunPatch, events: EventInput[]): Promise<StoredEvent[]>;
  getCheckpoint(runId: string, seq: number): Promise<Checkpoint | undefined>;
  latestCheckpoint(runId: string): Promise<Checkpoint | undefined>;
  listCheckpoints(runId: string): Promise<CheckpointHead[]>;

  appendEvents(runId: string, events: EventInput[]): Promise<StoredEvent[]>;
  /** Events with seq > `afterSeq`, oldest first, at most `limit`. */
  readEvents(runId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]>;
  /** What each run's agent turns cost (the sum of its agent.turn events' costUsd; 0 without any), for any number of runs at once. */
  runCosts(runIds: readonly string[]): Promise<Map<string, number>>;

  recordNodeStart(record: NodeStart): Promise<void>;
  recordNodeEnd(runId: string, index: number, end: NodeEnd): Promise<void>;
  listNodeRecords(runId: string): Promise<NodeRecord[]>;

  /**
   * Commits finished branch nodes and any events in one durable transaction (issue 8.10), returning
   * the events with their sequence numbers. A step already recorded (same checkpoint, branch and
   * step) is kept as it was.
   */
  commitBranchSteps(runId: string, steps: BranchStep[], events: EventInput[]): Promise<StoredEvent[]>;
  /** The branch steps recorded under top-level checkpoint `checkpointSeq`, each branch's in step order. */
  listBranchSteps(runId: string, checkpointSeq: number): Promise<BranchStep[]>;

  /** Takes the lease when it is free, expired, or already ours. Returns whether we hold it now. */
  acquireLease(runId: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  renewLease(runId: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  releaseLease(runId: string, owner: string): Promise<void>;
  getLease(runId: string): Promise<Lease | undefined>;

  close(): Promise<void>;

  /** Records a process group a node started; durable when it resolves. Replaces a record with the same pid. */
  recordNodeProcess(process: NodeProcess): Promise<void>;
  /** Forgets the group once it has ended (a no-op when there is no such record). */
  clearNodeProcess(runId: string, pid: number): Promise<void>;
  /** The run's recorded groups, oldest first: after a crash, the ones that may still be running. */
  listNodeProcesses(runId: string): Promise<NodeProcess[]>;

  /** Stores files of the run's directory (run-file.ts), replacing ones with the same path; committed with the next checkpoint. */
  putRunFiles(runId: string, files: RunFile[]): Promise<void>;
  /** The run's stored files, by path: what `runs RUN --export DIR` writes. */
  listRunFiles(runId: string): Promise<RunFile[]>;
}
