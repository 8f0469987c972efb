import type { JsonValue } from './human-task-types.js';

/*
 * The stored shape of a code-first workflow instance (issue 11): the instance row, its journal
 * (one entry per durable call, by position) and the signals sent to it. The rules (transitions)
 * are in workflow-rules.ts; the store part is workflows.ts; the replay runtime that writes them
 * is src/workflows/runtime.
 */

export const WorkflowStatuses = ['running', 'waiting', 'completed', 'failed', 'cancelled'] as const;
export type WorkflowStatus = (typeof WorkflowStatuses)[number];

/** What a waiting instance waits for: a durable timer, a human task, a signal (with its timeout timer), or a child instance to finish. */
export type WorkflowWait =
  | { kind: 'timer'; timerId: string; until: number }
  | { kind: 'task'; taskId: string }
  | { kind: 'signal'; name: string; timerId?: string }
  | { kind: 'child'; instanceId: string };

/** Why an instance failed, or the error a journaled step threw (replayed as the same error). */
export interface WorkflowError {
  code: string;
  message: string;
  /** The thrown error's class name, so a replay rethrows an error that looks the same. */
  name?: string;
}

export interface WorkflowInstance {
  id: string;
  tenant: string;
  name: string;
  /** A hash of the workflow's source the instance started with (it is pinned to it). */
  version: string;
  input: JsonValue;
  status: WorkflowStatus;
  result?: JsonValue;
  error?: WorkflowError;
  waitingOn?: WorkflowWait;
  /**
   * The durable call the instance last suspended at (its position is past the journal's end until
   * it completes): a replay matches it like a journal entry, so a changed wait is caught and
   * patched() there answers false.
   */
  suspendedAt?: SuspendedCall;
  /** The parent instance, for a child workflow. */
  parentId?: string;
  /** The project folder whose workflows/ defines it (absolute): where a worker that serves several projects (the daemon) loads its code. */
  projectDir?: string;
  /** Counts wakes (a signal, a fired timer, an answer): a suspend decided before a wake is refused (workflow-rules.ts). */
  wakeups: number;
  /** Set by cancelWorkflow while the function's cleanup (its finally blocks) has not run yet. */
  cleanupPending?: true;
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
  /** Who drives it now (workflow leases, like run leases), and until when. */
  leaseOwner?: string;
  leaseExpiresAt?: number;
}

/** What startWorkflow needs; the store sets tenant (from the scope), status `running` and wakeups. */
export interface NewWorkflowInstance {
  id: string;
  name: string;
  version: string;
  input: JsonValue;
  parentId?: string;
  /** The project folder it was started from (absolute); see WorkflowInstance.projectDir. */
  projectDir?: string;
  /**
   * Starts it leased to `owner` (a fork copying its journal in): no worker claims it before the
   * lease is released or lapses.
   */
  lease?: { owner: string; expiresAt: number };
  createdAt: number;
}

/** Which runnable instances a worker claims (claimRunnableWorkflows); all of them without one. */
export interface WorkflowClaimFilter {
  /** Only instances started from this project folder, and those that recorded no folder (a worker serving one project). */
  projectDir?: string;
  /** Leave out instances that recorded no folder (the daemon, which loads each instance's code from its folder). */
  requireProjectDir?: boolean;
}

export interface SuspendedCall {
  position: number;
  kind: JournalKind;
  name: string;
}

export interface StartedWorkflow {
  instance: WorkflowInstance;
  /** False when an instance with this id existed already (it is returned unchanged). */
  created: boolean;
}

/** The fields a transition may change (workflow-rules.ts); undefined values remove the field. */
export type WorkflowPatch = Partial<Pick<WorkflowInstance, 'status' | 'result' | 'error' | 'waitingOn' | 'suspendedAt' | 'wakeups' | 'cleanupPending' | 'finishedAt'>> & { updatedAt: number };

export const JournalKinds = ['step', 'task', 'sleep', 'signal', 'agent', 'pipeline', 'child', 'patch'] as const;
export type JournalKind = (typeof JournalKinds)[number];

/** One durable call's outcome, at its 0-based position in the instance's journal. */
export interface JournalEntry {
  instanceId: string;
  position: number;
  kind: JournalKind;
  name: string;
  /** The call's result (JSON); absent when it failed. */
  result?: JsonValue;
  error?: WorkflowError;
  at: number;
}

export type NewJournalEntry = Omit<JournalEntry, 'instanceId'>;

export interface WorkflowSignal {
  instanceId: string;
  /** Order of arrival within the instance, from 1. */
  seq: number;
  name: string;
  payload: JsonValue;
  sentAt: number;
  /** The journal position that consumed it; absent while pending. */
  consumedAt?: number;
  consumedBy?: number;
}

export interface WorkflowFilter {
  status?: readonly WorkflowStatus[];
  name?: string;
  parentId?: string;
  /** 100 when absent. */
  limit?: number;
}
