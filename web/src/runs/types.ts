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
  waitingOn?: { kind?: string; name?: string };
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
  createdAt: number;
  updatedAt: number;
}
