import type { Fidelity } from '../../agents/backend.js';
import type { Graph, GraphEdge, GraphNode } from '../../pipeline/graph/model.js';
import { readString } from '../../pipeline/graph/attr-read.js';

export const FidelityModes: readonly Fidelity[] = ['full', 'truncate', 'compact', 'summary:low', 'summary:medium', 'summary:high'];

export function isFidelity(value: unknown): value is Fidelity {
  return typeof value === 'string' && (FidelityModes as readonly string[]).includes(value);
}

export interface FidelityInput {
  node: GraphNode;
  graph: Graph;
  /** The edge the run arrived by; undefined for the start node and after a resume or jump. */
  incoming: GraphEdge | undefined;
  /** The node that ran before this one, the last thread fallback. */
  previousNodeId: string | undefined;
  /** True for the first `full` node after a resume: its session cannot be restored. */
  degradeFull: boolean;
}

export interface ResolvedFidelity {
  fidelity: Fidelity;
  /** Set only with `full`: nodes sharing it share one backend session. */
  threadId: string | undefined;
}

/**
 * Fidelity: incoming edge > node > graph `default_fidelity` > `compact` (digest §18). Values that
 * are not modes are skipped (lint `fidelity_valid` reports them). After a resume, `full` becomes
 * `summary:high` once (decision 17).
 */
export function resolveFidelity(input: FidelityInput): ResolvedFidelity {
  const candidates = [input.incoming && readString(input.incoming.attrs, 'fidelity'), readString(input.node.attrs, 'fidelity'), readString(input.graph.attrs, 'default_fidelity')];
  const fidelity = candidates.map((value) => value?.trim()).find(isFidelity) ?? 'compact';
  if (fidelity !== 'full') return { fidelity, threadId: undefined };
  if (input.degradeFull) return { fidelity: 'summary:high', threadId: undefined };
  return { fidelity, threadId: resolveThreadId(input) };
}

/**
 * Thread key: node `thread_id` > incoming edge `thread_id` > graph `default_thread_id` (decision 17)
 * > innermost enclosing subgraph's derived class > previous node id (> the node's own id at start).
 */
export function resolveThreadId(input: Pick<FidelityInput, 'node' | 'graph' | 'incoming' | 'previousNodeId'>): string {
  const explicit = [readString(input.node.attrs, 'thread_id'), input.incoming && readString(input.incoming.attrs, 'thread_id'), readString(input.graph.attrs, 'default_thread_id')]
    .map((value) => value?.trim())
    .find((value) => value !== undefined && value !== '');
  if (explicit) return explicit;
  const subgraphClass = [...input.node.subgraphs].reverse().find((ref) => ref.derivedClass)?.derivedClass;
  return subgraphClass ?? input.previousNodeId ?? input.node.id;
}
