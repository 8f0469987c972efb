import { serializeJson } from './event-input.js';
import type { HumanTask } from './human-task-types.js';
import type { Lease } from './types.js';
import { canAcquireLease } from './lease-rules.js';
import { invalidInputError } from './store-errors.js';
import { journalConflictError, workflowStateError } from './workflow-errors.js';
import { JournalKinds, type JournalEntry, type NewJournalEntry, type NewWorkflowInstance, type WorkflowClaimFilter, type WorkflowInstance, type WorkflowPatch, type WorkflowStatus, type WorkflowWait } from './workflow-types.js';

/* Rules every Store applies the same way to workflow instances and journals (SQLite, memory, later PostgreSQL). */

export function isFinished(status: WorkflowStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

/** The instance as stored when started: running, no wakes yet. Input goes through JSON, as SQLite keeps it. */
export function createWorkflowRecord(tenant: string, input: NewWorkflowInstance): WorkflowInstance {
  for (const key of ['id', 'name', 'version'] as const) {
    if (typeof input[key] !== 'string' || input[key].length === 0) throw invalidInputError(`a new workflow instance "${String(input.id)}"`, `has no ${key}`);
  }
  if (!Number.isFinite(input.createdAt)) throw invalidInputError(`workflow instance "${input.id}"`, 'has no valid creation time');
  const instance: WorkflowInstance = {
    id: input.id,
    tenant,
    name: input.name,
    version: input.version,
    input: input.input,
    status: 'running',
    ...(input.parentId !== undefined && { parentId: input.parentId }),
    ...(input.projectDir !== undefined && { projectDir: input.projectDir }),
    wakeups: 0,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    ...(input.lease !== undefined && { leaseOwner: input.lease.owner, leaseExpiresAt: input.lease.expiresAt }),
  };
  return roundTrip(`workflow instance "${input.id}"`, instance);
}

/** Applies a decided patch; a key set to undefined removes the field. Id, tenant, name, version, input stay. */
export function applyWorkflowPatch(instance: WorkflowInstance, patch: WorkflowPatch): WorkflowInstance {
  if (!Number.isFinite(patch.updatedAt)) throw invalidInputError(`a change of workflow instance "${instance.id}"`, 'has no valid time');
  const updated: WorkflowInstance = { ...instance, ...patch, id: instance.id, tenant: instance.tenant, name: instance.name, version: instance.version, input: instance.input };
  for (const key of Object.keys(updated) as Array<keyof WorkflowInstance>) if (updated[key] === undefined) delete updated[key];
  return roundTrip(`workflow instance "${instance.id}"`, updated);
}

/**
 * Checks an entry before it is journaled: the instance must be running, and the position must be the
 * journal's length (`count`). A taken position is the exactly-once conflict; a gap is a caller bug.
 */
export function checkJournalAppend(instance: WorkflowInstance, count: number, entry: NewJournalEntry): JournalEntry {
  if (instance.status !== 'running') throw workflowStateError(instance.id, instance.status, 'journal a call of');
  if (!Number.isInteger(entry.position) || entry.position < 0) throw invalidInputError(`journal position of workflow "${instance.id}"`, `must be a whole number ≥ 0 (got ${String(entry.position)})`);
  if (entry.position < count) throw journalConflictError(instance.id, entry.position);
  if (entry.position > count) throw invalidInputError(`journal position ${entry.position} of workflow "${instance.id}"`, `leaves a gap: the next position is ${count}`);
  if (!(JournalKinds as readonly string[]).includes(entry.kind)) throw invalidInputError(`journal entry ${entry.position} of workflow "${instance.id}"`, `has an unknown kind "${String(entry.kind)}"`);
  if (typeof entry.name !== 'string' || !Number.isFinite(entry.at)) throw invalidInputError(`journal entry ${entry.position} of workflow "${instance.id}"`, 'has no name or time');
  const { position, kind, name, result, error, at } = entry;
  return roundTrip(`journal entry ${position} of workflow "${instance.id}"`, { instanceId: instance.id, position, kind, name, ...(result !== undefined && { result }), ...(error !== undefined && { error }), at });
}

/**
 * The workflow instance to wake when `task` settles: a task a workflow's task() created, now
 * completed, expired or cancelled. Every store wakes it in the transaction that settles the task,
 * so no answer (from any channel, or an SLA's final step) leaves its workflow asleep.
 */
export function workflowToWake(task: HumanTask): { instanceId: string; taskId: string } | undefined {
  if (task.createdBy.kind !== 'workflow' || (task.status !== 'completed' && task.status !== 'expired' && task.status !== 'cancelled')) return undefined;
  return { instanceId: task.createdBy.workflowId, taskId: task.id };
}

/**
 * The parent to wake when a change finishes a child instance (completed, failed or cancelled): every
 * store wakes it in the transaction that finishes the child, so a parent waiting in child() never
 * sleeps through its child's end.
 */
export function parentToWake(before: WorkflowInstance, after: WorkflowInstance): { parentId: string; matches: (wait: WorkflowWait) => boolean } | undefined {
  if (after.parentId === undefined || isFinished(before.status) || !isFinished(after.status)) return undefined;
  return { parentId: after.parentId, matches: (wait) => wait.kind === 'child' && wait.instanceId === after.id };
}

/** Whether a worker may claim it: it has work to do (running, or a cancel's cleanup) and nobody holds it. */
export function isRunnable(instance: WorkflowInstance, now: number): boolean {
  const hasWork = instance.status === 'running' || (instance.status === 'cancelled' && instance.cleanupPending === true);
  return hasWork && canAcquireLease(leaseOf(instance), '', now);
}

/** The instance's lease in the shape lease-rules.ts takes. */
export function leaseOf(instance: Pick<WorkflowInstance, 'id' | 'leaseOwner' | 'leaseExpiresAt'>): Lease | undefined {
  return instance.leaseOwner === undefined || instance.leaseExpiresAt === undefined ? undefined : { runId: instance.id, owner: instance.leaseOwner, expiresAt: instance.leaseExpiresAt };
}

/** Oldest change first: the instance that waited longest is claimed first. */
/** Whether a worker claiming with `filter` takes the instance (WorkflowClaimFilter). */
export function matchesClaimFilter(instance: Pick<WorkflowInstance, 'projectDir'>, filter: WorkflowClaimFilter = {}): boolean {
  if (instance.projectDir === undefined) return filter.requireProjectDir !== true;
  return filter.projectDir === undefined || filter.projectDir === instance.projectDir;
}

export function compareRunnable(a: WorkflowInstance, b: WorkflowInstance): number {
  return a.updatedAt - b.updatedAt || (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function roundTrip<T>(what: string, value: T): T {
  return JSON.parse(serializeJson(what, value)) as T;
}
