import type { Outcome } from '../../core/outcome.js';
import type { Checkpoint, OutcomeSummary } from '../../store/types.js';
import { withAppendSources } from '../../store/append-sources.js';
import { withOutcomeEntries } from '../../store/outcome-entries.js';
import { RunContext } from '../context.js';
import { outcomeLogNow, setNodeOutcome, type OutcomeLog } from './outcome-log.js';

/**
 * The state a checkpoint captures: context, completed nodes, latest outcome per node, retry counts
 * and loop restarts. The main loop owns one; each parallel branch owns its own (never checkpointed).
 */
export interface RunProgress {
  context: RunContext;
  completedNodes: string[];
  /** Latest outcome per node, keys in first-visit order. */
  nodeOutcomes: Record<string, OutcomeSummary>;
  nodeRetries: Record<string, number>;
  loopRestarts: number;
  /** Seq of the last checkpoint committed; 0 before the first. */
  checkpointSeq: number;
  /** `nodeOutcomes` as a list of writes, for cheap checkpoints (outcome-log.ts). */
  outcomeLog?: OutcomeLog;
}

export function createProgress(context: RunContext): RunProgress {
  return { context, completedNodes: [], nodeOutcomes: {}, nodeRetries: {}, loopRestarts: 0, checkpointSeq: 0 };
}

export function progressFromCheckpoint(checkpoint: Checkpoint): RunProgress {
  return {
    context: new RunContext(checkpoint.context, checkpoint.logs),
    completedNodes: [...checkpoint.completedNodes],
    nodeOutcomes: structuredClone(checkpoint.nodeOutcomes),
    nodeRetries: { ...checkpoint.nodeRetries },
    loopRestarts: checkpoint.loopRestarts,
    checkpointSeq: checkpoint.seq,
  };
}

/** The checkpoint after `currentNode`, numbered one past the last committed. */
export function toCheckpoint(progress: RunProgress, currentNode: string, nextNode: string | null, timestamp: number): Checkpoint {
  const fields = {
    v: 1 as const,
    seq: progress.checkpointSeq + 1,
    timestamp,
    currentNode,
    nextNode,
    completedNodes: progress.completedNodes.slice(),
    nodeRetries: { ...progress.nodeRetries },
    context: progress.context.snapshot(),
    logs: progress.context.logs.slice(),
    loopRestarts: progress.loopRestarts,
  };
  // Summaries are replaced, never mutated (recordNodeOutcome), so copying the entries (or a
  // shallow copy of the object) is a snapshot.
  const log = outcomeLogNow(progress);
  const checkpoint = log ? withOutcomeEntries(fields, log.entries.slice()) : { ...fields, nodeOutcomes: { ...progress.nodeOutcomes } };
  // The lists are only appended to, so the store finds this checkpoint's additions by length.
  return withAppendSources(checkpoint, { completedNodes: progress.completedNodes, logs: progress.context.logs, ...(log ? { outcomeEntries: log.entries } : {}) });
}

export function toOutcomeSummary(outcome: Outcome): OutcomeSummary {
  const summary: OutcomeSummary = { status: outcome.status };
  if (outcome.preferredLabel) summary.preferredLabel = outcome.preferredLabel;
  if (outcome.suggestedNextIds && outcome.suggestedNextIds.length > 0) summary.suggestedNextIds = [...outcome.suggestedNextIds];
  if (outcome.notes) summary.notes = outcome.notes;
  if (outcome.failureReason) summary.failureReason = outcome.failureReason;
  return summary;
}

/**
 * Digest §5 steps c-d: the node joins `completedNodes`, its outcome replaces the previous one
 * (SKIPPED records none), its context updates are merged, then `outcome` and `preferred_label` are
 * set (preferred_label is cleared when the outcome has none, so a stale label cannot leak on).
 */
export function recordNodeOutcome(progress: RunProgress, nodeId: string, outcome: Outcome): void {
  progress.completedNodes.push(nodeId);
  if (outcome.status !== 'skipped') setNodeOutcome(progress, nodeId, toOutcomeSummary(outcome));
  progress.context.applyUpdates(outcome.contextUpdates);
  progress.context.set('outcome', outcome.status);
  progress.context.set('preferred_label', outcome.preferredLabel ?? '');
}
