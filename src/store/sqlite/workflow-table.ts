import type Database from 'better-sqlite3';
import { serializeJson } from '../event-input.js';
import type { JsonValue } from '../human-task-types.js';
import { canAcquireLease, canReleaseLease, canRenewLease } from '../lease-rules.js';
import { journalConflictError, workflowNotFoundError, workflowStateError } from '../workflow-errors.js';
import { applyWorkflowPatch, checkJournalAppend, createWorkflowRecord, isFinished, leaseOf, parentToWake } from '../workflow-rules.js';
import { wake } from '../workflow-transitions.js';
import type { JournalEntry, NewJournalEntry, NewWorkflowInstance, StartedWorkflow, WorkflowClaimFilter, WorkflowFilter, WorkflowInstance, WorkflowPatch, WorkflowSignal } from '../workflow-types.js';
import { isConstraintError } from './sqlite-errors.js';

interface SignalRow {
  instance_id: string;
  seq: number;
  name: string;
  payload_json: string;
  sent_at: number;
  consumed_at: number | null;
  consumed_by: number | null;
}

/**
 * The SQLite side of WorkflowStore: synchronous operations the store runs inside its IMMEDIATE
 * transactions, so reading an instance and writing its change cannot interleave with another
 * process. The journal's primary key (tenant, instance, position) is the last word on exactly-once.
 */
export class WorkflowTable {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      insert: db.prepare(`INSERT INTO workflow_instances (tenant, id, name, status, parent_id, cleanup_pending, created_at, updated_at, lease_owner, lease_expires_at, instance_json)
        VALUES (@tenant, @id, @name, @status, @parent_id, @cleanup_pending, @created_at, @updated_at, @lease_owner, @lease_expires_at, @instance_json)`),
      update: db.prepare(`UPDATE workflow_instances SET status = @status, cleanup_pending = @cleanup_pending, updated_at = @updated_at,
        lease_owner = @lease_owner, lease_expires_at = @lease_expires_at, instance_json = @instance_json WHERE tenant = @tenant AND id = @id`),
      get: db.prepare<[string, string], { instance_json: string }>('SELECT instance_json FROM workflow_instances WHERE tenant = ? AND id = ?'),
      list: db.prepare<[Record<string, unknown>], { instance_json: string }>(`SELECT instance_json FROM workflow_instances WHERE tenant = @tenant
        AND (@name IS NULL OR name = @name) AND (@parent IS NULL OR parent_id = @parent) ORDER BY created_at DESC, id DESC`),
      // The project folder is in the JSON only (no column, no migration): json_extract runs on the few runnable rows.
      runnable: db.prepare<[Record<string, unknown>], { instance_json: string }>(`SELECT instance_json FROM workflow_instances WHERE (status = 'running' OR cleanup_pending = 1)
        AND (lease_expires_at IS NULL OR lease_expires_at <= @now)
        AND (CASE WHEN json_extract(instance_json, '$.projectDir') IS NULL THEN @require = 0 ELSE (@dir IS NULL OR json_extract(instance_json, '$.projectDir') = @dir) END)
        ORDER BY updated_at, tenant, id LIMIT @limit`),
      nextPosition: db.prepare<[string, string], { next: number }>('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM workflow_journal WHERE tenant = ? AND instance_id = ?'),
      append: db.prepare<[string, string, number, string]>('INSERT INTO workflow_journal (tenant, instance_id, position, entry_json) VALUES (?, ?, ?, ?)'),
      journal: db.prepare<[string, string, number], { entry_json: string }>('SELECT entry_json FROM workflow_journal WHERE tenant = ? AND instance_id = ? AND position >= ? ORDER BY position'),
      nextSignal: db.prepare<[string, string], { next: number }>('SELECT COALESCE(MAX(seq) + 1, 1) AS next FROM workflow_signals WHERE tenant = ? AND instance_id = ?'),
      insertSignal: db.prepare<[string, string, number, string, string, number]>('INSERT INTO workflow_signals (tenant, instance_id, seq, name, payload_json, sent_at) VALUES (?, ?, ?, ?, ?, ?)'),
      pendingSignal: db.prepare<[string, string, string], SignalRow>('SELECT * FROM workflow_signals WHERE tenant = ? AND instance_id = ? AND name = ? AND consumed_at IS NULL ORDER BY seq LIMIT 1'),
      consumeSignal: db.prepare<[number, number, string, string, number]>('UPDATE workflow_signals SET consumed_at = ?, consumed_by = ? WHERE tenant = ? AND instance_id = ? AND seq = ?'),
      signals: db.prepare<[string, string], SignalRow>('SELECT * FROM workflow_signals WHERE tenant = ? AND instance_id = ? ORDER BY seq'),
    };
  }

  start(tenant: string, input: NewWorkflowInstance): StartedWorkflow {
    const existing = this.get(tenant, input.id);
    if (existing) return { instance: existing, created: false };
    const instance = createWorkflowRecord(tenant, input);
    this.sql.insert.run(toRow(instance));
    return { instance, created: true };
  }

  get(tenant: string, id: string): WorkflowInstance | undefined {
    const row = this.sql.get.get(tenant, id);
    return row && (JSON.parse(row.instance_json) as WorkflowInstance);
  }

  list(tenant: string, filter: WorkflowFilter): WorkflowInstance[] {
    const rows = this.sql.list.all({ tenant, name: filter.name ?? null, parent: filter.parentId ?? null }).map((row) => JSON.parse(row.instance_json) as WorkflowInstance);
    return rows.filter((w) => filter.status === undefined || filter.status.includes(w.status)).slice(0, filter.limit ?? 100);
  }

  update(tenant: string, id: string, decide: (instance: WorkflowInstance) => WorkflowPatch | undefined): WorkflowInstance {
    const current = this.require(tenant, id);
    const patch = decide(current);
    if (!patch) return current;
    const updated = this.write(applyWorkflowPatch(current, patch));
    const parent = parentToWake(current, updated);
    if (parent && this.get(tenant, parent.parentId)) this.update(tenant, parent.parentId, wake(updated.updatedAt, parent.matches));
    return updated;
  }

  append(tenant: string, instanceId: string, entry: NewJournalEntry): JournalEntry {
    const instance = this.require(tenant, instanceId);
    const checked = checkJournalAppend(instance, this.sql.nextPosition.get(tenant, instanceId)?.next ?? 0, entry);
    try {
      this.sql.append.run(tenant, instanceId, checked.position, JSON.stringify(checked));
    } catch (error) {
      // Not reached under the IMMEDIATE lock; the key stays the guard should that ever change.
      throw isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') ? journalConflictError(instanceId, checked.position) : error;
    }
    return checked;
  }

  journal(tenant: string, instanceId: string, from: number): JournalEntry[] {
    this.require(tenant, instanceId);
    return this.sql.journal.all(tenant, instanceId, Math.max(0, from)).map((row) => JSON.parse(row.entry_json) as JournalEntry);
  }

  sendSignal(tenant: string, instanceId: string, name: string, payload: JsonValue, now: number): WorkflowSignal {
    const instance = this.require(tenant, instanceId);
    if (isFinished(instance.status)) throw workflowStateError(instance.id, instance.status, `send signal "${name}" to`);
    const json = serializeJson(`the payload of signal "${name}"`, payload);
    const seq = this.sql.nextSignal.get(tenant, instanceId)?.next ?? 1;
    this.sql.insertSignal.run(tenant, instanceId, seq, name, json, now);
    this.update(tenant, instanceId, wake(now, (wait) => wait.kind === 'signal' && wait.name === name));
    return { instanceId, seq, name, payload: JSON.parse(json) as JsonValue, sentAt: now };
  }

  receiveSignal(tenant: string, instanceId: string, name: string, position: number, now: number): JournalEntry | undefined {
    const instance = this.require(tenant, instanceId);
    const row = this.sql.pendingSignal.get(tenant, instanceId, name);
    if (!row) return undefined;
    const entry = this.append(tenant, instance.id, { position, kind: 'signal', name, result: { payload: JSON.parse(row.payload_json) as JsonValue }, at: now });
    this.sql.consumeSignal.run(now, position, tenant, instanceId, row.seq);
    return entry;
  }

  signals(tenant: string, instanceId: string): WorkflowSignal[] {
    this.require(tenant, instanceId);
    return this.sql.signals.all(tenant, instanceId).map(fromSignalRow);
  }

  acquireLease(tenant: string, id: string, owner: string, expiresAt: number, now: number): boolean {
    const instance = this.require(tenant, id);
    if (!canAcquireLease(leaseOf(instance), owner, now)) return false;
    this.write({ ...instance, leaseOwner: owner, leaseExpiresAt: expiresAt });
    return true;
  }

  renewLease(tenant: string, id: string, owner: string, expiresAt: number): boolean {
    const instance = this.require(tenant, id);
    if (!canRenewLease(leaseOf(instance), owner)) return false;
    this.write({ ...instance, leaseOwner: owner, leaseExpiresAt: expiresAt });
    return true;
  }

  releaseLease(tenant: string, id: string, owner: string): void {
    const { leaseOwner: _o, leaseExpiresAt: _e, ...instance } = this.require(tenant, id);
    if (canReleaseLease(leaseOf({ id, leaseOwner: _o, leaseExpiresAt: _e }), owner)) this.write(instance);
  }

  claim(owner: string, now: number, ttlMs: number, limit: number, filter: WorkflowClaimFilter): WorkflowInstance[] {
    return this.sql.runnable.all({ now, limit, dir: filter.projectDir ?? null, require: filter.requireProjectDir ? 1 : 0 }).map((row) => this.write({ ...(JSON.parse(row.instance_json) as WorkflowInstance), leaseOwner: owner, leaseExpiresAt: now + ttlMs }));
  }

  private require(tenant: string, id: string): WorkflowInstance {
    const instance = this.get(tenant, id);
    if (!instance) throw workflowNotFoundError(id);
    return instance;
  }

  private write(instance: WorkflowInstance): WorkflowInstance {
    this.sql.update.run(toRow(instance));
    return instance;
  }
}

function toRow(w: WorkflowInstance): Record<string, unknown> {
  return {
    tenant: w.tenant, id: w.id, name: w.name, status: w.status, parent_id: w.parentId ?? null, cleanup_pending: w.cleanupPending ? 1 : 0,
    created_at: w.createdAt, updated_at: w.updatedAt, lease_owner: w.leaseOwner ?? null, lease_expires_at: w.leaseExpiresAt ?? null, instance_json: JSON.stringify(w),
  };
}

function fromSignalRow(row: SignalRow): WorkflowSignal {
  return {
    instanceId: row.instance_id, seq: row.seq, name: row.name, payload: JSON.parse(row.payload_json) as JsonValue, sentAt: row.sent_at,
    ...(row.consumed_at !== null && { consumedAt: row.consumed_at }), ...(row.consumed_by !== null && { consumedBy: row.consumed_by }),
  };
}
