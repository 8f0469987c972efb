import type Database from 'better-sqlite3';
import { tenantOf } from '../../core/tenant-scope.js';
import { validateLeaseTiming } from '../lease-rules.js';
import type { HumanTask } from '../human-task-types.js';
import { validateClaimRequest } from '../timer-rules.js';
import { workflowToWake } from '../workflow-rules.js';
import { wake } from '../workflow-transitions.js';
import type { WorkflowStore } from '../workflows.js';
import { SqliteTimerStore } from './sqlite-timer-store.js';
import { WorkflowTable } from './workflow-table.js';

// A journal entry must survive power loss before the workflow goes on: its side effect ran once.
const durable = true;
// A lease or claim lost to a power cut is taken again later, which is harmless.
const ordinary = false;

/**
 * The workflow part of the SQLite store (SqliteStore extends it; workflow-table.ts does the rows).
 * Every write goes through the group commit's IMMEDIATE transaction: reading an instance and
 * writing its change, or checking a journal position and taking it, never interleave with another process.
 */
export abstract class SqliteWorkflowStore extends SqliteTimerStore implements WorkflowStore {
  private readonly workflows: WorkflowTable;

  constructor(db: Database.Database, path: string, busyTimeoutMs: number) {
    super(db, path, busyTimeoutMs);
    this.workflows = new WorkflowTable(db);
  }

  startWorkflow: WorkflowStore['startWorkflow'] = (scope, instance) => this.submit(durable, () => this.workflows.start(tenantOf(scope), instance));
  getWorkflow: WorkflowStore['getWorkflow'] = (scope, id, options) => {
    const read = () => this.workflows.get(tenantOf(scope), id);
    return options?.committed ? this.committed(read) : this.guard(read);
  };
  listWorkflows: WorkflowStore['listWorkflows'] = (scope, filter = {}) => this.guard(() => this.workflows.list(tenantOf(scope), filter));
  updateWorkflow: WorkflowStore['updateWorkflow'] = (scope, id, decide) => this.submit(durable, () => this.workflows.update(tenantOf(scope), id, decide));
  appendJournal: WorkflowStore['appendJournal'] = (scope, id, entry) => this.submit(durable, () => this.workflows.append(tenantOf(scope), id, entry));
  readJournal: WorkflowStore['readJournal'] = (scope, id, from = 0) => this.guard(() => this.workflows.journal(tenantOf(scope), id, from));
  sendSignal: WorkflowStore['sendSignal'] = (scope, id, name, payload, now) => this.submit(durable, () => this.workflows.sendSignal(tenantOf(scope), id, name, payload, now));
  receiveSignal: WorkflowStore['receiveSignal'] = (scope, id, name, position, now) => this.submit(durable, () => this.workflows.receiveSignal(tenantOf(scope), id, name, position, now));
  listSignals: WorkflowStore['listSignals'] = (scope, id) => this.guard(() => this.workflows.signals(tenantOf(scope), id));

  acquireWorkflowLease: WorkflowStore['acquireWorkflowLease'] = (scope, id, owner, ttlMs, now) =>
    this.submit(ordinary, () => {
      validateLeaseTiming(id, ttlMs, now);
      return this.workflows.acquireLease(tenantOf(scope), id, owner, now + ttlMs, now);
    });
  renewWorkflowLease: WorkflowStore['renewWorkflowLease'] = (scope, id, owner, ttlMs, now) =>
    this.submit(ordinary, () => {
      validateLeaseTiming(id, ttlMs, now);
      return this.workflows.renewLease(tenantOf(scope), id, owner, now + ttlMs);
    });
  releaseWorkflowLease: WorkflowStore['releaseWorkflowLease'] = (scope, id, owner) => this.submit(ordinary, () => this.workflows.releaseLease(tenantOf(scope), id, owner));
  /** Settling a workflow's human task wakes the workflow in the same transaction (workflowToWake). */
  protected override taskChanged(task: HumanTask): HumanTask {
    const target = workflowToWake(task);
    if (target && this.workflows.get(task.tenant, target.instanceId)) {
      this.workflows.update(task.tenant, target.instanceId, wake(task.updatedAt, (wait) => wait.kind === 'task' && wait.taskId === target.taskId));
    }
    return task;
  }

  claimRunnableWorkflows: WorkflowStore['claimRunnableWorkflows'] = (owner, now, ttlMs, limit, filter = {}) =>
    this.submit(ordinary, () => {
      validateClaimRequest(owner, now, ttlMs, limit);
      return this.workflows.claim(owner, now, ttlMs, limit, filter);
    });
}
