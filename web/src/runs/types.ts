/*
 * The API's run shapes the dashboard reads (runs.list, runs.get, runs.graph: GET /openapi.json has
 * them in full). Only the fields used here are named.
 */

export type DisplayState = 'running' | 'interrupted' | 'completed' | 'failed' | 'interrupted?' | 'waiting';

export interface RunView {
  id: string;
  pipeline: string;
  file: string;
  goal: string;
  displayState: DisplayState;
  currentNode?: string;
  waitingAt?: string;
  humanTask?: string;
  simulate: boolean;
  startedAt: number;
  finishedAt?: number;
  durationMs: number;
  outcome?: string;
  error?: string;
  parentRunId?: string;
  parentCheckpoint?: number;
}

/** A run as runs.list gives it: with what its agent turns cost so far. */
export interface RunListItem extends RunView {
  costUsd: number;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface NodeRecordView {
  index: number;
  nodeId: string;
  attempt: number;
  status: string;
  handler: string;
  startedAt: number;
  finishedAt?: number;
  notes?: string;
  failureReason?: string;
}

export interface RunDetail {
  run: RunView;
  nodes: NodeRecordView[];
}

export type Rankdir = 'TB' | 'LR' | 'BT' | 'RL';

export interface RunGraph {
  runId: string;
  pipeline: string;
  rankdir: Rankdir;
  nodes: Array<{ id: string; label: string; shape: string; handler: string }>;
  edges: Array<{ from: string; to: string; label?: string }>;
}

/** A workflow instance (workflows.list). */
export interface WorkflowInstanceView {
  id: string;
  name: string;
  status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';
  waitingOn?: { kind?: string; name?: string; until?: number };
  suspendedAt?: { name: string };
  createdAt: number;
  finishedAt?: number;
}

/** A guided workflow instance (guided.list). */
export interface GuidedInstanceView {
  id: string;
  workflowName: string;
  status: 'running' | 'waiting' | 'completed' | 'failed';
  currentStep?: string;
  waitingFor?: { step: string; humanTaskId?: string; taskId?: string };
  createdAt: number;
  updatedAt: number;
}

export interface CheckpointView {
  seq: number;
  currentNode: string;
  nextNode: string | null;
  timestamp: number;
}

/** runs.get: the run, its node history, its checkpoints and what its agent turns cost. */
export interface RunDetailFull extends RunDetail {
  checkpoints: CheckpointView[];
  costUsd: number;
}

/** runs.checkpoint: a checkpoint with the context a replay from it starts with. */
export interface CheckpointDetail extends CheckpointView {
  runId: string;
  context: Record<string, unknown>;
  /** The nodes completed by the checkpoint, with their latest outcome: a replay from it starts with them done. */
  completedNodes: Array<{ nodeId: string; status: string }>;
}

export interface AgentTurnView {
  turn: number;
  at: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: Array<{ name: string; isError: boolean }>;
  commits?: Record<string, string>;
  previousCommits?: Record<string, string>;
  diffs?: Record<string, string>;
}

export interface CheckView {
  name: string;
  kind: string;
  passed: boolean;
  skipped?: boolean;
  summary: string;
  durationMs: number;
}

/** runs.node: one node's latest visit and its agent turns. */
export interface NodeDetail {
  nodeId: string;
  executions: NodeRecordView[];
  prompt?: string;
  response?: string;
  status?: Record<string, unknown>;
  context?: Record<string, unknown>;
  toolOutput?: string;
  checks?: CheckView[];
  turns: AgentTurnView[];
  costUsd: number;
}
