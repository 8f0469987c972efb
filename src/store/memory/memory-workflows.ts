import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import { serializeJson } from '../event-input.js';
import { workflowStartedEntry, workflowStatusEntry, workflowStepEntry } from '../feed-entries.js';
import type { HumanTask, HumanTaskChange, JsonValue } from '../human-task-types.js';
import { canAcquireLease, canReleaseLease, canRenewLease, validateLeaseTiming } from '../lease-rules.js';
import { validateClaimRequest } from '../timer-rules.js';
import { workflowNotFoundError, workflowStateError } from '../workflow-errors.js';
import { applyWorkflowPatch, checkJournalAppend, compareRunnable, createWorkflowRecord, isFinished, isRunnable, leaseOf, matchesClaimFilter, parentToWake, workflowToWake } from '../workflow-rules.js';
import { wake } from '../workflow-transitions.js';
import type { JournalEntry, NewJournalEntry, NewWorkflowInstance, StartedWorkflow, WorkflowClaimFilter, WorkflowFilter, WorkflowInstance, WorkflowPatch, WorkflowSignal } from '../workflow-types.js';
import type { WorkflowStore } from '../workflows.js';
import { MemoryTimerStore } from './memory-timers.js';

/** One instance's rows, kept as JSON so callers never share objects with the store. */
interface InstanceTables {
  instance: string;
  journal: string[];
  signals: WorkflowSignal[];
}

/**
 * Workflow instances in memory (MemoryStore extends this), by the same rules as SQLite
 * (workflow-rules.ts). A call runs synchronously inside one promise job, which makes each atomic here.
 */
export class MemoryWorkflowStore extends MemoryTimerStore implements WorkflowStore {
  /** `tenant\0id` → the instance's tables. */
  private readonly workflows = new Map<string, InstanceTables>();

  startWorkflow(scope: TenantScope, input: NewWorkflowInstance): Promise<StartedWorkflow> {
    return this.guard(() => {
      const key = keyOf(tenantOf(scope), input.id);
      const existing = this.workflows.get(key);
      if (existing) return { instance: parse(existing.instance), created: false };
      const instance = createWorkflowRecord(tenantOf(scope), input);
      this.workflows.set(key, { instance: JSON.stringify(instance), journal: [], signals: [] });
      this.feed.add(instance.tenant, workflowStartedEntry(instance));
      return { instance, created: true };
    });
  }

  getWorkflow(scope: TenantScope, id: string): Promise<WorkflowInstance | undefined> {
    return this.guard(() => {
      const tables = this.workflows.get(keyOf(tenantOf(scope), id));
      return tables && parse(tables.instance);
    });
  }

  listWorkflows(scope: TenantScope, filter: WorkflowFilter = {}): Promise<WorkflowInstance[]> {
    return this.guard(() => {
      const tenant = tenantOf(scope);
      const matching = [...this.workflows.values()]
        .map((tables) => parse(tables.instance))
        .filter((w) => w.tenant === tenant && (filter.status === undefined || filter.status.includes(w.status)) && (filter.name === undefined || w.name === filter.name) && (filter.parentId === undefined || w.parentId === filter.parentId))
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      return matching.slice(0, filter.limit ?? 100);
    });
  }

  updateWorkflow(scope: TenantScope, id: string, decide: (instance: WorkflowInstance) => WorkflowPatch | undefined): Promise<WorkflowInstance> {
    return this.guard(() => this.update(this.requireWorkflow(scope, id), decide));
  }

  appendJournal(scope: TenantScope, instanceId: string, entry: NewJournalEntry): Promise<JournalEntry> {
    return this.guard(() => {
      const tables = this.requireWorkflow(scope, instanceId);
      const checked = checkJournalAppend(parse(tables.instance), tables.journal.length, entry);
      this.journal(tables, checked);
      return checked;
    });
  }

  readJournal(scope: TenantScope, instanceId: string, fromPosition = 0): Promise<JournalEntry[]> {
    return this.guard(() => this.requireWorkflow(scope, instanceId).journal.slice(Math.max(0, fromPosition)).map((json) => JSON.parse(json) as JournalEntry));
  }

  sendSignal(scope: TenantScope, instanceId: string, name: string, payload: JsonValue, now: number): Promise<WorkflowSignal> {
    return this.guard(() => {
      const tables = this.requireWorkflow(scope, instanceId);
      const instance = parse(tables.instance);
      if (isFinished(instance.status)) throw workflowStateError(instance.id, instance.status, `send signal "${name}" to`);
      const signal = JSON.parse(serializeJson(`signal "${name}" of workflow "${instanceId}"`, { instanceId, seq: tables.signals.length + 1, name, payload, sentAt: now })) as WorkflowSignal;
      this.update(tables, wake(now, (wait) => wait.kind === 'signal' && wait.name === name));
      tables.signals.push(signal);
      return { ...signal };
    });
  }

  receiveSignal(scope: TenantScope, instanceId: string, name: string, position: number, now: number): Promise<JournalEntry | undefined> {
    return this.guard(() => {
      const tables = this.requireWorkflow(scope, instanceId);
      const index = tables.signals.findIndex((signal) => signal.name === name && signal.consumedBy === undefined);
      const signal = tables.signals[index];
      if (!signal) return undefined;
      const entry = checkJournalAppend(parse(tables.instance), tables.journal.length, { position, kind: 'signal', name, result: { payload: signal.payload }, at: now });
      this.journal(tables, entry);
      tables.signals[index] = { ...signal, consumedAt: now, consumedBy: position };
      return entry;
    });
  }

  listSignals(scope: TenantScope, instanceId: string): Promise<WorkflowSignal[]> {
    return this.guard(() => this.requireWorkflow(scope, instanceId).signals.map((signal) => structuredClone(signal)));
  }

  acquireWorkflowLease(scope: TenantScope, instanceId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    return this.guard(() => {
      validateLeaseTiming(instanceId, ttlMs, now);
      const tables = this.requireWorkflow(scope, instanceId);
      if (!canAcquireLease(leaseOf(parse(tables.instance)), owner, now)) return false;
      this.setLease(tables, owner, now + ttlMs);
      return true;
    });
  }

  renewWorkflowLease(scope: TenantScope, instanceId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    return this.guard(() => {
      validateLeaseTiming(instanceId, ttlMs, now);
      const tables = this.requireWorkflow(scope, instanceId);
      if (!canRenewLease(leaseOf(parse(tables.instance)), owner)) return false;
      this.setLease(tables, owner, now + ttlMs);
      return true;
    });
  }

  releaseWorkflowLease(scope: TenantScope, instanceId: string, owner: string): Promise<void> {
    return this.guard(() => {
      const tables = this.requireWorkflow(scope, instanceId);
      if (canReleaseLease(leaseOf(parse(tables.instance)), owner)) this.setLease(tables, undefined, undefined);
    });
  }

  claimRunnableWorkflows(owner: string, now: number, ttlMs: number, limit: number, filter?: WorkflowClaimFilter): Promise<WorkflowInstance[]> {
    return this.guard(() => {
      validateClaimRequest(owner, now, ttlMs, limit);
      const chosen = [...this.workflows.values()].filter((tables) => isRunnable(parse(tables.instance), now) && matchesClaimFilter(parse(tables.instance), filter)).sort((a, b) => compareRunnable(parse(a.instance), parse(b.instance))).slice(0, limit);
      return chosen.map((tables) => this.setLease(tables, owner, now + ttlMs));
    });
  }

  /** Settling a workflow's human task wakes the workflow in the same step (workflowToWake). */
  protected override updateNow(scope: TenantScope, id: string, decide: (task: HumanTask) => HumanTaskChange): HumanTask {
    const task = super.updateNow(scope, id, decide);
    const target = workflowToWake(task);
    const tables = target && this.workflows.get(keyOf(tenantOf(scope), target.instanceId));
    if (target && tables) this.update(tables, wake(task.updatedAt, (wait) => wait.kind === 'task' && wait.taskId === target.taskId));
    return task;
  }

  private requireWorkflow(scope: TenantScope, id: string): InstanceTables {
    const tables = this.workflows.get(keyOf(tenantOf(scope), id));
    if (!tables) throw workflowNotFoundError(id);
    return tables;
  }

  private update(tables: InstanceTables, decide: (instance: WorkflowInstance) => WorkflowPatch | undefined): WorkflowInstance {
    const current = parse(tables.instance);
    const patch = decide(current);
    if (!patch) return current;
    const updated = applyWorkflowPatch(current, patch);
    tables.instance = JSON.stringify(updated);
    const changed = workflowStatusEntry(current, updated);
    if (changed) this.feed.add(updated.tenant, changed);
    const parent = parentToWake(current, updated);
    const parentTables = parent && this.workflows.get(keyOf(updated.tenant, parent.parentId));
    if (parent && parentTables) this.update(parentTables, wake(updated.updatedAt, parent.matches));
    return updated;
  }

  /** Journals an entry and feeds it, as SQLite's trigger does. */
  private journal(tables: InstanceTables, entry: JournalEntry): void {
    tables.journal.push(JSON.stringify(entry));
    this.feed.add(parse(tables.instance).tenant, workflowStepEntry(entry));
  }

  private setLease(tables: InstanceTables, owner: string | undefined, expiresAt: number | undefined): WorkflowInstance {
    const { leaseOwner: _o, leaseExpiresAt: _e, ...rest } = parse(tables.instance);
    const instance: WorkflowInstance = owner === undefined ? rest : { ...rest, leaseOwner: owner, leaseExpiresAt: expiresAt };
    tables.instance = JSON.stringify(instance);
    return instance;
  }
}

function keyOf(tenant: string, id: string): string {
  return `${tenant}\0${id}`;
}

function parse(json: string): WorkflowInstance {
  return JSON.parse(json) as WorkflowInstance;
}
