import type Database from 'better-sqlite3';
import { guidedExistsError, guidedNotFoundError } from '../guided-errors.js';
import { applyGuidedChange, compareGuidedNewestFirst, createGuidedRecord, decisionRecord, historyEntry, matchesGuidedFilter } from '../guided-rules.js';
import type { GuidedChange, GuidedDecisionRecord, GuidedFilter, GuidedHistoryEntry, GuidedInstance, NewGuidedDecision, NewGuidedInstance } from '../guided-types.js';
import { isConstraintError } from './sqlite-errors.js';

/**
 * The SQLite side of GuidedStore: synchronous operations run inside the store's IMMEDIATE
 * transactions, so a version check and the change it guards cannot interleave with another process.
 */
export class GuidedTable {
  private readonly sql;

  constructor(db: Database.Database) {
    this.sql = {
      insert: db.prepare(`INSERT INTO guided_instances (tenant, id, workflow_name, status, created_at, updated_at, version, instance_json)
        VALUES (@tenant, @id, @workflow_name, @status, @created_at, @updated_at, @version, @instance_json)`),
      update: db.prepare(`UPDATE guided_instances SET status = @status, updated_at = @updated_at, version = @version, instance_json = @instance_json
        WHERE tenant = @tenant AND id = @id`),
      get: db.prepare<[string, string], { instance_json: string }>('SELECT instance_json FROM guided_instances WHERE tenant = ? AND id = ?'),
      list: db.prepare<[{ tenant: string; name: string | null }], { instance_json: string }>(`SELECT instance_json FROM guided_instances WHERE tenant = @tenant
        AND (@name IS NULL OR workflow_name = @name) ORDER BY created_at DESC, id DESC`),
      nextHistory: db.prepare<[string, string], { next: number }>('SELECT COALESCE(MAX(seq) + 1, 1) AS next FROM guided_history WHERE tenant = ? AND instance_id = ?'),
      insertHistory: db.prepare<[string, string, number, string]>('INSERT INTO guided_history (tenant, instance_id, seq, entry_json) VALUES (?, ?, ?, ?)'),
      history: db.prepare<[string, string], { entry_json: string }>('SELECT entry_json FROM guided_history WHERE tenant = ? AND instance_id = ? ORDER BY seq'),
      nextDecision: db.prepare<[string, string], { next: number }>('SELECT COALESCE(MAX(seq) + 1, 1) AS next FROM guided_decisions WHERE tenant = ? AND instance_id = ?'),
      insertDecision: db.prepare<[string, string, number, string]>('INSERT INTO guided_decisions (tenant, instance_id, seq, decision_json) VALUES (?, ?, ?, ?)'),
      decisions: db.prepare<[string, string], { decision_json: string }>('SELECT decision_json FROM guided_decisions WHERE tenant = ? AND instance_id = ? ORDER BY seq'),
    };
  }

  create(tenant: string, input: NewGuidedInstance, decision: NewGuidedDecision): GuidedInstance {
    const instance = createGuidedRecord(tenant, input);
    const first = decisionRecord(instance.id, 1, decision);
    try {
      this.sql.insert.run(toRow(instance));
    } catch (error) {
      throw isConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY') ? guidedExistsError(input.id) : error;
    }
    this.sql.insertDecision.run(tenant, instance.id, first.seq, JSON.stringify(first));
    return instance;
  }

  get(tenant: string, id: string): GuidedInstance | undefined {
    const row = this.sql.get.get(tenant, id);
    return row && (JSON.parse(row.instance_json) as GuidedInstance);
  }

  list(tenant: string, filter: GuidedFilter): GuidedInstance[] {
    const rows = this.sql.list.all({ tenant, name: filter.workflowName ?? null }).map((row) => JSON.parse(row.instance_json) as GuidedInstance);
    return rows.filter((instance) => matchesGuidedFilter(instance, filter)).sort(compareGuidedNewestFirst).slice(0, filter.limit ?? 100);
  }

  /** Checks and builds everything first, then writes: the caller's transaction makes it all or nothing. */
  commit(tenant: string, id: string, change: GuidedChange): GuidedInstance {
    const current = this.require(tenant, id);
    const updated = applyGuidedChange(current, change);
    const history = change.history && historyEntry(id, this.sql.nextHistory.get(tenant, id)?.next ?? 1, change.history);
    const decision = change.decision && decisionRecord(id, this.sql.nextDecision.get(tenant, id)?.next ?? 1, change.decision);
    this.sql.update.run(toRow(updated));
    if (history) this.sql.insertHistory.run(tenant, id, history.seq, JSON.stringify(history));
    if (decision) this.sql.insertDecision.run(tenant, id, decision.seq, JSON.stringify(decision));
    return updated;
  }

  history(tenant: string, id: string): GuidedHistoryEntry[] {
    this.require(tenant, id);
    return this.sql.history.all(tenant, id).map((row) => JSON.parse(row.entry_json) as GuidedHistoryEntry);
  }

  decisions(tenant: string, id: string): GuidedDecisionRecord[] {
    this.require(tenant, id);
    return this.sql.decisions.all(tenant, id).map((row) => JSON.parse(row.decision_json) as GuidedDecisionRecord);
  }

  private require(tenant: string, id: string): GuidedInstance {
    const instance = this.get(tenant, id);
    if (!instance) throw guidedNotFoundError(id);
    return instance;
  }
}

function toRow(instance: GuidedInstance): Record<string, unknown> {
  return {
    tenant: instance.tenant,
    id: instance.id,
    workflow_name: instance.workflowName,
    status: instance.status,
    created_at: instance.createdAt,
    updated_at: instance.updatedAt,
    version: instance.version,
    instance_json: JSON.stringify(instance),
  };
}
