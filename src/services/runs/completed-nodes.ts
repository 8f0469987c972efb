import type { Checkpoint } from '../../store/types.js';

/** A node a checkpoint counts as completed, with its latest outcome. */
export interface CompletedNode {
  nodeId: string;
  status: string;
}

/**
 * The nodes completed by a checkpoint, each once in first-completion order, with its latest
 * outcome (`nodeOutcomes`); a node completed without an outcome recorded counts as a success.
 */
export function completedNodesOf(checkpoint: Pick<Checkpoint, 'completedNodes' | 'nodeOutcomes'>): CompletedNode[] {
  return [...new Set(checkpoint.completedNodes)].map((nodeId) => ({ nodeId, status: checkpoint.nodeOutcomes[nodeId]?.status ?? 'success' }));
}
