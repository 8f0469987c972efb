import { lazySchema } from '../lazy-schema.js';
import type { Checkpoint, OutcomeSummary } from '../types.js';
import { badFileError, describeIssue } from './file-errors.js';

/**
 * `checkpoint.json` in the run directory, in the Attractor spec's snake_case (§19), so tools
 * written against the spec read it. Decision 8 adds `next_node`, outcomes and a format version.
 */
export interface CheckpointFile {
  v: 1;
  seq: number;
  timestamp: number;
  current_node: string;
  next_node: string | null;
  completed_nodes: string[];
  node_outcomes: Record<string, OutcomeSummaryFile>;
  node_retries: Record<string, number>;
  context: Record<string, unknown>;
  logs: string[];
  loop_restarts: number;
}

interface OutcomeSummaryFile {
  status: OutcomeSummary['status'];
  preferred_label?: string;
  suggested_next_ids?: string[];
  notes?: string;
  failure_reason?: string;
}

const checkpointFileSchema = lazySchema((z) => {
  const outcomeSchema = z.object({
    status: z.enum(['success', 'partial_success', 'retry', 'fail', 'skipped']),
    preferred_label: z.string().optional(),
    suggested_next_ids: z.array(z.string()).optional(),
    notes: z.string().optional(),
    failure_reason: z.string().optional(),
  });
  return z.object({
    v: z.number(),
    seq: z.number().int().min(1),
    timestamp: z.number(),
    current_node: z.string(),
    next_node: z.string().nullable(),
    completed_nodes: z.array(z.string()),
    node_outcomes: z.record(z.string(), outcomeSchema),
    node_retries: z.record(z.string(), z.number()),
    context: z.record(z.string(), z.unknown()),
    logs: z.array(z.string()),
    loop_restarts: z.number().int().min(0),
  });
});

export const checkpointFileVersion = 1;

export function toCheckpointFile(checkpoint: Checkpoint): CheckpointFile {
  const outcomes = Object.entries(checkpoint.nodeOutcomes).map(([node, o]) => [
    node,
    { status: o.status, preferred_label: o.preferredLabel, suggested_next_ids: o.suggestedNextIds, notes: o.notes, failure_reason: o.failureReason },
  ]);
  return {
    v: checkpoint.v,
    seq: checkpoint.seq,
    timestamp: checkpoint.timestamp,
    current_node: checkpoint.currentNode,
    next_node: checkpoint.nextNode,
    completed_nodes: checkpoint.completedNodes,
    node_outcomes: Object.fromEntries(outcomes) as Record<string, OutcomeSummaryFile>,
    node_retries: checkpoint.nodeRetries,
    context: checkpoint.context,
    logs: checkpoint.logs,
    loop_restarts: checkpoint.loopRestarts,
  };
}

// Checkpoints are immutable once built; the store and checkpoint.json share one serialization.
const serialized = new WeakMap<Checkpoint, string>();

/** The checkpoint as `checkpoint.json` text (compact), computed once per checkpoint object. */
export function checkpointFileText(checkpoint: Checkpoint): string {
  let text = serialized.get(checkpoint);
  if (text === undefined) {
    text = JSON.stringify(toCheckpointFile(checkpoint));
    serialized.set(checkpoint, text);
  }
  return text;
}

const hint = 'checkpoint.json is a copy for people and tools; the store holds the checkpoint `orchestra resume` uses.';

/** Reads a parsed `checkpoint.json`; throws naming `file` when it is not one this version can read. */
export function fromCheckpointFile(json: unknown, file: string): Checkpoint {
  const parsed = checkpointFileSchema().safeParse(json);
  if (!parsed.success) throw badFileError(file, describeIssue(parsed.error), hint);
  const data = parsed.data;
  if (data.v !== checkpointFileVersion) {
    throw badFileError(file, `has format version ${data.v}; this Orchestra reads version ${checkpointFileVersion}`, 'Upgrade Orchestra to read checkpoints written by a newer one.');
  }
  const outcomes = Object.entries(data.node_outcomes).map(([node, o]): [string, OutcomeSummary] => [
    node,
    dropUndefined({ status: o.status, preferredLabel: o.preferred_label, suggestedNextIds: o.suggested_next_ids, notes: o.notes, failureReason: o.failure_reason }),
  ]);
  return {
    v: checkpointFileVersion,
    seq: data.seq,
    timestamp: data.timestamp,
    currentNode: data.current_node,
    nextNode: data.next_node,
    completedNodes: data.completed_nodes,
    nodeOutcomes: Object.fromEntries(outcomes),
    nodeRetries: data.node_retries,
    context: data.context,
    logs: data.logs,
    loopRestarts: data.loop_restarts,
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
