import { lazySchema } from '../lazy-schema.js';
import { addedFromSource, appendSourcesOf } from '../append-sources.js';
import { outcomeEntriesOf } from '../outcome-entries.js';
import type { Checkpoint, OutcomeSummary } from '../types.js';

/**
 * A checkpoint stored as what changed since an earlier one of the same run (its `base_seq` row).
 * A full snapshot grows with the run, so writing one per node made a long chain quadratic; a delta
 * holds the node's own additions. Reading folds the deltas onto the nearest full row.
 */
export interface CheckpointDelta {
  seq: number;
  timestamp: number;
  currentNode: string;
  nextNode: string | null;
  completedAdded: string[];
  /** Outcomes added or replaced; earlier keys keep their place, new ones follow in order. */
  outcomesChanged: Record<string, OutcomeSummary>;
  nodeRetries: Record<string, number>;
  context: Record<string, unknown>;
  logsAdded: string[];
  loopRestarts: number;
}

/**
 * The delta from `before` to `after`, or undefined when it cannot be expressed as additions
 * (a loop restart cleared the history, a key disappeared or moved). Unchanged outcomes are found
 * by identity: committed checkpoints are immutable, so a shared summary object is the same value.
 * A container shared with `before` is refused, since it may have been changed in place.
 */
export function diffCheckpoint(before: Checkpoint, after: Checkpoint): CheckpointDelta | undefined {
  if (after.v !== before.v) return undefined;
  const from = appendSourcesOf(before);
  const to = appendSourcesOf(after);
  const completedAdded = addedFromSource(before.completedNodes, after.completedNodes, from?.completedNodes, to?.completedNodes) ?? appended(before.completedNodes, after.completedNodes);
  const logsAdded = addedFromSource(before.logs, after.logs, from?.logs, to?.logs) ?? appended(before.logs, after.logs);
  const outcomesChanged = changedOutcomes(before, after, from?.outcomeEntries, to?.outcomeEntries);
  if (!completedAdded || !logsAdded || !outcomesChanged) return undefined;
  return {
    seq: after.seq,
    timestamp: after.timestamp,
    currentNode: after.currentNode,
    nextNode: after.nextNode,
    completedAdded,
    outcomesChanged,
    nodeRetries: after.nodeRetries,
    context: after.context,
    logsAdded,
    loopRestarts: after.loopRestarts,
  };
}

/** Applies `delta` to `base` in place (the caller owns `base`, freshly parsed) and returns it. */
export function foldCheckpoint(base: Checkpoint, delta: CheckpointDelta): Checkpoint {
  for (const node of delta.completedAdded) base.completedNodes.push(node);
  for (const line of delta.logsAdded) base.logs.push(line);
  Object.assign(base.nodeOutcomes, delta.outcomesChanged);
  return Object.assign(base, {
    seq: delta.seq,
    timestamp: delta.timestamp,
    currentNode: delta.currentNode,
    nextNode: delta.nextNode,
    nodeRetries: delta.nodeRetries,
    context: delta.context,
    loopRestarts: delta.loopRestarts,
  });
}

const deltaSchema = lazySchema((z) => {
  const outcomeSchema = z.object({
    status: z.enum(['success', 'partial_success', 'retry', 'fail', 'skipped']),
    preferredLabel: z.string().optional(),
    suggestedNextIds: z.array(z.string()).optional(),
    notes: z.string().optional(),
    failureReason: z.string().optional(),
  });
  return z.object({
    seq: z.number().int().min(1),
    timestamp: z.number(),
    currentNode: z.string(),
    nextNode: z.string().nullable(),
    completedAdded: z.array(z.string()),
    outcomesChanged: z.record(z.string(), outcomeSchema),
    nodeRetries: z.record(z.string(), z.number()),
    context: z.record(z.string(), z.unknown()),
    logsAdded: z.array(z.string()),
    loopRestarts: z.number().int().min(0),
  });
});

/** Checks a parsed delta row; undefined when it is not one (the caller reports the row as corrupt). */
export function parseDelta(value: unknown): CheckpointDelta | undefined {
  const parsed = deltaSchema().safeParse(value);
  return parsed.success ? (parsed.data as CheckpointDelta) : undefined;
}

function appended<T>(before: readonly T[], after: readonly T[]): T[] | undefined {
  if (after === before || after.length < before.length) return undefined;
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i]) return undefined;
  return after.slice(before.length);
}

/** From the engine's outcome entries when both have them (no large object is built), else by scan. */
function changedOutcomes(before: Checkpoint, after: Checkpoint, beforeSource?: readonly unknown[], afterSource?: readonly unknown[]): Record<string, OutcomeSummary> | undefined {
  const beforeEntries = outcomeEntriesOf(before);
  const afterEntries = outcomeEntriesOf(after);
  const added = beforeEntries && afterEntries ? (addedFromSource(beforeEntries, afterEntries, beforeSource, afterSource) ?? appended(beforeEntries, afterEntries)) : undefined;
  if (added) return Object.fromEntries(added);
  return changedEntries(before.nodeOutcomes, after.nodeOutcomes);
}

function changedEntries<T>(before: Record<string, T>, after: Record<string, T>): Record<string, T> | undefined {
  if (after === before) return undefined;
  const beforeKeys = Object.keys(before);
  const changed: Record<string, T> = {};
  let position = 0;
  for (const key in after) {
    if (position < beforeKeys.length && key !== beforeKeys[position]) return undefined;
    position += 1;
    if (after[key] !== before[key]) changed[key] = after[key] as T;
  }
  return position < beforeKeys.length ? undefined : changed;
}
