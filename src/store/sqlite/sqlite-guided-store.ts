import type Database from 'better-sqlite3';
import { tenantOf } from '../../core/tenant-scope.js';
import type { GuidedStore } from '../guided.js';
import { GuidedTable } from './guided-table.js';
import { HumanTaskTable } from './human-task-table.js';
import { SqliteApiTokenStore } from './sqlite-api-token-store.js';

// A decision handed to an agent must survive power loss: the agent acts on it.
const durable = true;

/**
 * The guided-workflow part of the SQLite store (SqliteStore extends it; guided-table.ts does the
 * rows). A change and the human task its step waits for are written in one transaction (the task
 * first, in both stores, so the feed lists them alike).
 */
export abstract class SqliteGuidedStore extends SqliteApiTokenStore implements GuidedStore {
  private readonly guided: GuidedTable;
  private readonly guidedTasks: HumanTaskTable;

  constructor(db: Database.Database, path: string, busyTimeoutMs: number) {
    super(db, path, busyTimeoutMs);
    this.guided = new GuidedTable(db);
    this.guidedTasks = new HumanTaskTable(db);
  }

  createGuidedInstance: GuidedStore['createGuidedInstance'] = (scope, instance, decision, humanTask) =>
    this.submit(durable, () => {
      if (humanTask) this.guidedTasks.create(tenantOf(scope), humanTask);
      return this.guided.create(tenantOf(scope), instance, decision);
    });
  getGuidedInstance: GuidedStore['getGuidedInstance'] = (scope, id) => this.guard(() => this.guided.get(tenantOf(scope), id));
  listGuidedInstances: GuidedStore['listGuidedInstances'] = (scope, filter = {}) => this.guard(() => this.guided.list(tenantOf(scope), filter));
  commitGuidedChange: GuidedStore['commitGuidedChange'] = (scope, id, change) =>
    this.submit(durable, () => {
      if (change.humanTask) this.guidedTasks.create(tenantOf(scope), change.humanTask);
      return this.guided.commit(tenantOf(scope), id, change);
    });
  readGuidedHistory: GuidedStore['readGuidedHistory'] = (scope, id) => this.guard(() => this.guided.history(tenantOf(scope), id));
  readGuidedDecisions: GuidedStore['readGuidedDecisions'] = (scope, id) => this.guard(() => this.guided.decisions(tenantOf(scope), id));
}
