import { tenantOf, type TenantScope } from '../../core/tenant-scope.js';
import { guidedChangedEntry, guidedStartedEntry } from '../feed-entries.js';
import { guidedExistsError, guidedNotFoundError } from '../guided-errors.js';
import { applyGuidedChange, compareGuidedNewestFirst, createGuidedRecord, decisionRecord, historyEntry, matchesGuidedFilter } from '../guided-rules.js';
import type { GuidedChange, GuidedDecisionRecord, GuidedFilter, GuidedHistoryEntry, GuidedInstance, NewGuidedDecision, NewGuidedInstance } from '../guided-types.js';
import type { GuidedStore } from '../guided.js';
import type { NewHumanTask } from '../human-task-types.js';
import { MemoryApiTokenStore } from './memory-api-tokens.js';

/** One instance's rows, kept as JSON so callers never share objects with the store. */
interface GuidedTables {
  instance: string;
  history: string[];
  decisions: string[];
}

/**
 * Guided instances in memory (MemoryStore extends this), by the same rules as SQLite
 * (guided-rules.ts). Everything is checked and built before anything is written, and a call runs
 * synchronously inside one promise job: each write is all or nothing, as SQLite's transaction.
 */
export class MemoryGuidedStore extends MemoryApiTokenStore implements GuidedStore {
  /** `tenant\0id` → the instance's tables. */
  private readonly guided = new Map<string, GuidedTables>();

  createGuidedInstance(scope: TenantScope, input: NewGuidedInstance, decision: NewGuidedDecision, humanTask?: NewHumanTask): Promise<GuidedInstance> {
    return this.guard(() => {
      const key = keyOf(tenantOf(scope), input.id);
      if (this.guided.has(key)) throw guidedExistsError(input.id);
      const instance = createGuidedRecord(tenantOf(scope), input);
      const first = decisionRecord(input.id, 1, decision);
      if (humanTask) this.createNow(scope, humanTask);
      this.guided.set(key, { instance: JSON.stringify(instance), history: [], decisions: [JSON.stringify(first)] });
      this.feed.add(instance.tenant, guidedStartedEntry(instance));
      return instance;
    });
  }

  getGuidedInstance(scope: TenantScope, id: string): Promise<GuidedInstance | undefined> {
    return this.guard(() => {
      const tables = this.guided.get(keyOf(tenantOf(scope), id));
      return tables && (JSON.parse(tables.instance) as GuidedInstance);
    });
  }

  listGuidedInstances(scope: TenantScope, filter: GuidedFilter = {}): Promise<GuidedInstance[]> {
    return this.guard(() => {
      const tenant = tenantOf(scope);
      return [...this.guided.values()]
        .map((tables) => JSON.parse(tables.instance) as GuidedInstance)
        .filter((instance) => instance.tenant === tenant && matchesGuidedFilter(instance, filter))
        .sort(compareGuidedNewestFirst)
        .slice(0, filter.limit ?? 100);
    });
  }

  commitGuidedChange(scope: TenantScope, id: string, change: GuidedChange): Promise<GuidedInstance> {
    return this.guard(() => {
      const tables = this.tables(scope, id);
      const current = JSON.parse(tables.instance) as GuidedInstance;
      const updated = applyGuidedChange(current, change);
      const history = change.history && historyEntry(id, tables.history.length + 1, change.history);
      const decision = change.decision && decisionRecord(id, tables.decisions.length + 1, change.decision);
      if (change.humanTask) this.createNow(scope, change.humanTask);
      tables.instance = JSON.stringify(updated);
      if (history) tables.history.push(JSON.stringify(history));
      if (decision) tables.decisions.push(JSON.stringify(decision));
      this.feed.add(updated.tenant, guidedChangedEntry(current, updated));
      return updated;
    });
  }

  readGuidedHistory(scope: TenantScope, id: string): Promise<GuidedHistoryEntry[]> {
    return this.guard(() => this.tables(scope, id).history.map((json) => JSON.parse(json) as GuidedHistoryEntry));
  }

  readGuidedDecisions(scope: TenantScope, id: string): Promise<GuidedDecisionRecord[]> {
    return this.guard(() => this.tables(scope, id).decisions.map((json) => JSON.parse(json) as GuidedDecisionRecord));
  }

  private tables(scope: TenantScope, id: string): GuidedTables {
    const tables = this.guided.get(keyOf(tenantOf(scope), id));
    if (!tables) throw guidedNotFoundError(id);
    return tables;
  }
}

function keyOf(tenant: string, id: string): string {
  return `${tenant}\0${id}`;
}
