import type { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import { completedNodesOf } from './completed-nodes.js';
import type { runCheckpointDetail } from './node-schemas.js';
import { requireRunOf } from './require-run.js';

/** One checkpoint of a run with its context and completed nodes: what a replay from it starts with (and may edit: runs.replay `context`). */
export async function getRunCheckpoint(store: Store, scope: TenantScope, runId: string, seq: number): Promise<z.input<typeof runCheckpointDetail>> {
  const run = await requireRunOf(store, scope, runId);
  const checkpoint = await store.getCheckpoint(run.id, seq);
  if (checkpoint === undefined) {
    throw new OrchestraError(ErrorCode.CHECKPOINT_NOT_FOUND, `seq: run ${run.id} has no checkpoint ${seq}.`, {
      hint: 'runs.get lists its checkpoints.',
      fields: [{ field: 'seq', message: 'no such checkpoint' }],
    });
  }
  return { runId: run.id, seq: checkpoint.seq, currentNode: checkpoint.currentNode, nextNode: checkpoint.nextNode, timestamp: checkpoint.timestamp, context: checkpoint.context, completedNodes: completedNodesOf(checkpoint) };
}
