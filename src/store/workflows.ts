import type { TenantScope } from '../core/tenant-scope.js';
import type { JsonValue } from './human-task-types.js';
import type { JournalEntry, NewJournalEntry, NewWorkflowInstance, StartedWorkflow, WorkflowClaimFilter, WorkflowFilter, WorkflowInstance, WorkflowPatch, WorkflowSignal } from './workflow-types.js';

/**
 * The code-first workflow part of the Store (issue 11; workflow-types.ts, docs/workflow-runtime.md):
 * instances, their journals, signals and leases. Every method but the worker's claim takes the
 * caller's TenantScope first; another tenant's instance is E_WORKFLOW_NOT_FOUND, like a missing id.
 * Conformance: conformance/workflows.case.ts, run against every Store.
 */
export interface WorkflowStore {
  /** Stores a new `running` instance; an id that exists returns that instance, unchanged, with created false. */
  startWorkflow(scope: TenantScope, instance: NewWorkflowInstance): Promise<StartedWorkflow>;
  /**
   * The instance as stored. With `committed`, what is committed now, without first committing the
   * writes other callers have queued (the SQLite store's group commit): for a caller whose own writes
   * were awaited and whose check a write racing it could follow anyway (the runtime's lease and
   * cancel check before each new step), so that the steps of instances driven at once keep sharing
   * one commit.
   */
  getWorkflow(scope: TenantScope, id: string, options?: { committed?: boolean }): Promise<WorkflowInstance | undefined>;
  /** The tenant's instances, newest first. */
  listWorkflows(scope: TenantScope, filter?: WorkflowFilter): Promise<WorkflowInstance[]>;
  /**
   * The one way an instance's state changes. `decide` (pure, synchronous: workflow-rules.ts) gets the
   * instance while the store holds it exclusively and returns the patch, undefined for no change,
   * or throws to change nothing. E_WORKFLOW_NOT_FOUND for an unknown id.
   */
  updateWorkflow(scope: TenantScope, id: string, decide: (instance: WorkflowInstance) => WorkflowPatch | undefined): Promise<WorkflowInstance>;

  /**
   * Appends one journal entry at `entry.position`, which must be the journal's length: a position
   * that exists is E_WORKFLOW_CONFLICT (another process journaled it first: the exactly-once guard);
   * an instance that is not running is E_WORKFLOW_STATE. Nothing is written on either.
   */
  appendJournal(scope: TenantScope, instanceId: string, entry: NewJournalEntry): Promise<JournalEntry>;
  /** The journal from `fromPosition` on, in order. */
  readJournal(scope: TenantScope, instanceId: string, fromPosition?: number): Promise<JournalEntry[]>;

  /**
   * Keeps the signal until a waitForSignal consumes it, and wakes the instance if it waits for this
   * name, in one transaction. A finished instance (completed, failed, cancelled) is E_WORKFLOW_STATE.
   */
  sendSignal(scope: TenantScope, instanceId: string, name: string, payload: JsonValue, now: number): Promise<WorkflowSignal>;
  /**
   * Consumes the oldest pending signal named `name` and journals it at `position` (kind `signal`,
   * result `{ payload }`) in one transaction; undefined, writing nothing, when none is pending.
   * Conflicts like appendJournal.
   */
  receiveSignal(scope: TenantScope, instanceId: string, name: string, position: number, now: number): Promise<JournalEntry | undefined>;
  /** Every signal of the instance, in order of arrival, consumed or not. */
  listSignals(scope: TenantScope, instanceId: string): Promise<WorkflowSignal[]>;

  /** Takes the instance's lease when it is free, lapsed, or already ours (lease-rules.ts). */
  acquireWorkflowLease(scope: TenantScope, instanceId: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  renewWorkflowLease(scope: TenantScope, instanceId: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  /** A no-op for anyone but the owner. */
  releaseWorkflowLease(scope: TenantScope, instanceId: string, owner: string): Promise<void>;
  /**
   * For a worker, across tenants: leases up to `limit` runnable instances (running, or cancelled
   * with cleanup pending; lease free or lapsed), oldest update first, to `owner` until now + ttlMs,
   * atomically: of two workers claiming at once, each instance goes to one. `filter` narrows it to
   * the instances of one project folder (WorkflowClaimFilter).
   */
  claimRunnableWorkflows(owner: string, now: number, ttlMs: number, limit: number, filter?: WorkflowClaimFilter): Promise<WorkflowInstance[]>;
}
