import { serializeJson } from './event-input.js';
import { guidedConflictError } from './guided-errors.js';
import { GuidedStatuses, type GuidedChange, type GuidedDecisionRecord, type GuidedFilter, type GuidedHistoryEntry, type GuidedInstance, type NewGuidedDecision, type NewGuidedHistoryEntry, type NewGuidedInstance } from './guided-types.js';
import { invalidInputError } from './store-errors.js';

/* The rules both stores apply to guided instances (issue 13), so SQLite and memory agree. */

/** A value as SQLite hands it back: through JSON (refused, naming `what`, when it is not JSON). */
function throughJson<T>(what: string, value: T): T {
  return JSON.parse(serializeJson(what, value)) as T;
}

function checkStatus(id: string, status: unknown): void {
  if (!(GuidedStatuses as readonly unknown[]).includes(status)) throw invalidInputError(`guided instance "${id}"`, `has status ${JSON.stringify(status)}; expected one of ${GuidedStatuses.join(', ')}`);
}

/** The instance as first stored: version 1. */
export function createGuidedRecord(tenant: string, input: NewGuidedInstance): GuidedInstance {
  for (const key of ['id', 'workflowName', 'definitionDir'] as const) {
    if (typeof input[key] !== 'string' || input[key].length === 0) throw invalidInputError(`a new guided instance "${String(input.id)}"`, `has no ${key}`);
  }
  if (!Number.isFinite(input.createdAt)) throw invalidInputError(`guided instance "${input.id}"`, 'has no valid creation time');
  checkStatus(input.id, input.status);
  return throughJson(`guided instance "${input.id}"`, { ...input, tenant, updatedAt: input.createdAt, version: 1 });
}

/** The instance after `change`, or E_GUIDED_CONFLICT when it is no longer at the version the change was decided on. */
export function applyGuidedChange(current: GuidedInstance, change: GuidedChange): GuidedInstance {
  if (change.expectedVersion !== current.version) throw guidedConflictError(current.id, change.expectedVersion, current.version);
  const { patch } = change;
  if (patch.status !== undefined) checkStatus(current.id, patch.status);
  const next: GuidedInstance = { ...current, updatedAt: Math.max(current.updatedAt, patch.updatedAt), version: current.version + 1 };
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.context !== undefined) next.context = patch.context;
  if (patch.currentStep === null) delete next.currentStep;
  else if (patch.currentStep !== undefined) next.currentStep = patch.currentStep;
  if (patch.waitingFor === null) delete next.waitingFor;
  else if (patch.waitingFor !== undefined) next.waitingFor = patch.waitingFor;
  return throughJson(`guided instance "${current.id}"`, next);
}

export function historyEntry(id: string, seq: number, entry: NewGuidedHistoryEntry): GuidedHistoryEntry {
  return throughJson(`history entry ${seq} of guided instance "${id}"`, { seq, ...entry });
}

export function decisionRecord(id: string, seq: number, decision: NewGuidedDecision): GuidedDecisionRecord {
  return throughJson(`decision ${seq} of guided instance "${id}"`, { seq, ...decision });
}

export function matchesGuidedFilter(instance: GuidedInstance, filter: GuidedFilter): boolean {
  return (filter.workflowName === undefined || instance.workflowName === filter.workflowName) && (filter.status === undefined || filter.status.includes(instance.status));
}

/** Newest first; the id breaks ties so both stores list alike. */
export function compareGuidedNewestFirst(a: GuidedInstance, b: GuidedInstance): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
