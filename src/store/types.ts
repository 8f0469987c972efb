import type { RunEvent, RunEventBody, StageStatus } from '../core/events.js';
import type { Outcome } from '../core/outcome.js';

/** A run's lifecycle state as stored. */
export type RunState = 'running' | 'interrupted' | 'completed' | 'failed';

export interface RunRecord {
  id: string;
  /** The graph's name (the identifier after `digraph`). */
  pipeline: string;
  /** Absolute path of the DOT file. */
  file: string;
  /** The DOT source as it was when the run started; resume and replay use this, not the file. */
  source: string;
  goal: string;
  state: RunState;
  /** Node being executed, or the last one executed when the run stopped. */
  currentNode: string | undefined;
  /** The run directory (logs root). */
  logsRoot: string;
  /** Variables given on the command line (`key=value`). */
  variables: Record<string, string>;
  /** Run options that must survive a resume (simulate, auto-approve, ...). */
  options: Record<string, unknown>;
  /** When this run was forked by `replay`: the source run and checkpoint. */
  parentRunId: string | undefined;
  parentCheckpoint: number | undefined;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | undefined;
  /** Final status when finished. */
  outcome: StageStatus | undefined;
  error: string | undefined;
  /**
   * Set only in listings (listRuns, findRunsByPrefix) of a run whose stored row is damaged: what is
   * wrong (E_STORE_CORRUPT's message). Its variables and options are then empty; getRun throws.
   */
  damaged?: string;
  /**
   * The tenant the run was started in (`--tenant` / ORCHESTRA_TENANT, issue 10): its gates' human
   * tasks live there, and whoever resumes or drives it later (the daemon) acts there too.
   */
  tenant: string;
}

export type NewRun = Pick<RunRecord, 'id' | 'pipeline' | 'file' | 'source' | 'goal' | 'logsRoot' | 'variables' | 'options' | 'startedAt'> &
  Partial<Pick<RunRecord, 'parentRunId' | 'parentCheckpoint' | 'tenant'>>;

export type RunPatch = Partial<Pick<RunRecord, 'state' | 'currentNode' | 'updatedAt' | 'finishedAt' | 'outcome' | 'error'>>;

/** What a node's run produced, as kept in checkpoints (the Attractor Outcome, minus context updates). */
export interface OutcomeSummary {
  status: StageStatus;
  preferredLabel?: string;
  suggestedNextIds?: string[];
  notes?: string;
  failureReason?: string;
}

/**
 * The durable state of a run after a node finished. Written to the store (and to
 * `{logsRoot}/checkpoint.json`) before the next node starts.
 * @since 0.1.0 format `v: 1` (issue 2). Bump `v` on any change that affects resume.
 */
export interface Checkpoint {
  v: 1;
  /** 1-based position of this checkpoint in its run. */
  seq: number;
  timestamp: number;
  /** The node that just completed. */
  currentNode: string;
  /** The node the engine selected to run next; null when the run reached its end. */
  nextNode: string | null;
  completedNodes: string[];
  /** Latest outcome per visited node, in first-visit order (goal gates, §29.8). */
  nodeOutcomes: Record<string, OutcomeSummary>;
  nodeRetries: Record<string, number>;
  context: Record<string, unknown>;
  logs: string[];
  /** Number of loop restarts so far (§29.9). */
  loopRestarts: number;
}

/** One execution of one node, for `status --detail`. */
export interface NodeRecord {
  runId: string;
  nodeId: string;
  /** Order of execution within the run, from 1. */
  index: number;
  attempt: number;
  status: StageStatus | 'running';
  handler: string;
  startedAt: number;
  finishedAt: number | undefined;
  notes: string | undefined;
  failureReason: string | undefined;
}

/** A node execution as it starts, and what its end adds. */
export type NodeStart = Omit<NodeRecord, 'finishedAt' | 'notes' | 'failureReason' | 'status'>;
export type NodeEnd = Pick<NodeRecord, 'status' | 'finishedAt' | 'notes' | 'failureReason'>;
/** What `listCheckpoints` gives for each checkpoint. */
export type CheckpointHead = Pick<Checkpoint, 'seq' | 'currentNode' | 'nextNode' | 'timestamp'>;

export type StoredEvent = RunEvent;
export type EventInput = RunEventBody & { at: number; inBranch?: string };

export interface RunFilter {
  state?: RunState;
  limit?: number;
}

/** A claim on driving a run; whoever holds an unexpired lease is the only one that may advance it. */
export interface Lease {
  runId: string;
  owner: string;
  expiresAt: number;
}

/**
 * A node that finished inside a parallel branch (issue 8.10), committed durably before its branch
 * goes on, so that resume replays it instead of running it again.
 */
export interface BranchStep {
  /** The top-level checkpoint the branch's parallel node started after. */
  checkpointSeq: number;
  /** Which branch: the engine's key for the path of parallel nodes and attempts leading to it. */
  branch: string;
  /** Position in the branch, from 1. */
  step: number;
  nodeId: string;
  /** The node's final outcome, context updates included. */
  outcome: Outcome;
  /** The branch context's `internal.retry_count.<node>` after the node, when set. */
  retryCount?: number;
  /** The branch's pending retry count for the node after it, when one is left. */
  nodeRetries?: number;
  at: number;
}
