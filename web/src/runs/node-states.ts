import type { FeedEvent } from '../lib/use-events';
import type { NodeRecordView, RunView } from './types';

/*
 * What colour each node of a run's graph has: first from the run's node history (runs.get), then
 * moved on by each event of the stream, so the graph follows the run live without polling.
 */

export type NodeState = 'pending' | 'running' | 'succeeded' | 'failed' | 'retrying' | 'waiting';
export type NodeStates = Readonly<Record<string, NodeState>>;

/** A stage status (success, partial_success, fail, retry, skipped) or `running` as a node state. */
export function stateOfStatus(status: string): NodeState {
  switch (status) {
    case 'running':
      return 'running';
    case 'success':
    case 'partial_success':
      return 'succeeded';
    case 'fail':
      return 'failed';
    case 'retry':
      return 'retrying';
    default:
      return 'pending';
  }
}

/**
 * Each node's state by its latest execution (the highest index), and the gate the run waits at.
 * A replayed run executed nothing before its checkpoint: `origin` (the checkpoint's completed
 * nodes, runs.checkpoint) colours those nodes as the run it was replayed from left them.
 */
export function statesOfDetail(nodes: readonly NodeRecordView[], run?: RunView, origin: ReadonlyArray<{ nodeId: string; status: string }> = []): NodeStates {
  const states: Record<string, NodeState> = {};
  for (const node of origin) states[node.nodeId] = stateOfStatus(node.status);
  for (const node of [...nodes].sort((a, b) => a.index - b.index)) states[node.nodeId] = stateOfStatus(node.status);
  if (run?.displayState === 'waiting' && run.waitingAt !== undefined) states[run.waitingAt] = 'waiting';
  return states;
}

/** `live` with `loaded`'s states over it; `live` itself when that changes nothing (no re-render of the graph). */
export function mergeStates(live: NodeStates, loaded: NodeStates): NodeStates {
  return Object.entries(loaded).every(([node, state]) => live[node] === state) ? live : { ...live, ...loaded };
}

/** The states after one event of the run's stream (events of other runs or kinds change nothing). */
export function applyEvent(states: NodeStates, event: FeedEvent): NodeStates {
  const node = typeof event.data.node === 'string' ? event.data.node : undefined;
  if (node === undefined) return states;
  const next = nextState(event.type, event.data.status);
  return next === undefined || states[node] === next ? states : { ...states, [node]: next };
}

function nextState(type: string, status: unknown): NodeState | undefined {
  switch (type) {
    case 'node.started':
    case 'interview.completed':
    case 'interview.timeout':
      return 'running';
    case 'node.completed':
      return stateOfStatus(typeof status === 'string' ? status : '');
    case 'node.failed':
      return 'failed';
    case 'node.retrying':
      return 'retrying';
    case 'interview.started':
      return 'waiting';
    default:
      return undefined;
  }
}
