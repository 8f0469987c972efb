import type { StageStatus } from './events.js';

/** What a node handler returns (Attractor §5.1). One shape for success and failure. */
export interface Outcome {
  status: StageStatus;
  /** Routes to the outgoing edge with this label (edge selection step 2). */
  preferredLabel?: string;
  /** Routes to the first of these targets that an unconditional edge reaches (step 3). */
  suggestedNextIds?: string[];
  /** Merged into the run's context after the node, before the checkpoint. */
  contextUpdates?: Record<string, unknown>;
  notes?: string;
  failureReason?: string;
}

export const StageStatuses: readonly StageStatus[] = ['success', 'partial_success', 'retry', 'fail', 'skipped'];

export function isStageStatus(value: unknown): value is StageStatus {
  return typeof value === 'string' && (StageStatuses as readonly string[]).includes(value);
}

/** SUCCESS and PARTIAL_SUCCESS count as success for routing and goal gates. */
export function isSuccessful(status: StageStatus): boolean {
  return status === 'success' || status === 'partial_success';
}
