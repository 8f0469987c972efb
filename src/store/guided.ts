import type { TenantScope } from '../core/tenant-scope.js';
import type { NewHumanTask } from './human-task-types.js';
import type { GuidedChange, GuidedDecisionRecord, GuidedFilter, GuidedHistoryEntry, GuidedInstance, NewGuidedDecision, NewGuidedInstance } from './guided-types.js';

/**
 * The guided-workflow part of the Store (issue 13; guided-types.ts). Every method takes the caller's
 * TenantScope first; another tenant's instance is E_GUIDED_INSTANCE_NOT_FOUND, like a missing id.
 * Each write is one transaction: an instance's state, its history entry, its decision and the human
 * task it starts are stored together or not at all. Conformance: conformance/guided.case.ts.
 */
export interface GuidedStore {
  /** Stores a new instance with its `start` decision (and the human task its first step waits for). E_STORE when the id exists. */
  createGuidedInstance(scope: TenantScope, instance: NewGuidedInstance, decision: NewGuidedDecision, humanTask?: NewHumanTask): Promise<GuidedInstance>;
  getGuidedInstance(scope: TenantScope, id: string): Promise<GuidedInstance | undefined>;
  /** The tenant's instances, newest first. */
  listGuidedInstances(scope: TenantScope, filter?: GuidedFilter): Promise<GuidedInstance[]>;
  /**
   * Applies `change` when the instance is still at `change.expectedVersion` (E_GUIDED_CONFLICT when
   * another call changed it first), appending its history entry and decision. Nothing is written on error.
   */
  commitGuidedChange(scope: TenantScope, id: string, change: GuidedChange): Promise<GuidedInstance>;
  readGuidedHistory(scope: TenantScope, id: string): Promise<GuidedHistoryEntry[]>;
  readGuidedDecisions(scope: TenantScope, id: string): Promise<GuidedDecisionRecord[]>;
}
