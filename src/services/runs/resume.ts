import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { createRunId } from '../../core/ids.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import type { RunLauncher } from './launch-port.js';
import { isRunStale } from './run-liveness.js';
import { refuseFinished, requireRunOf } from './require-run.js';

/**
 * Carries on an interrupted run (or one whose process died) from its last checkpoint, in a process
 * the daemon drives, with the options it started with (`orchestra resume`).
 */
export async function resumeRun(store: Store, runs: RunLauncher, scope: TenantScope, runId: string): Promise<{ runId: string }> {
  const run = await requireRunOf(store, scope, runId);
  refuseFinished(run, 'resume');
  if (run.state === 'running' && !isRunStale(run, await store.getLease(run.id), Date.now())) {
    throw new OrchestraError(ErrorCode.RUN_LOCKED, `Run ${run.id} is running: a process drives it.`, { hint: 'runs.cancel (run_cancel) stops it; runs.get shows where it is.' });
  }
  await runs.launch({ kind: 'resume', runId: run.id });
  return { runId: run.id };
}

/** A new run forked from checkpoint `checkpoint` of the run (`orchestra replay`); the run itself is untouched. */
export async function replayRun(store: Store, runs: RunLauncher, scope: TenantScope, input: { runId: string; checkpoint: number; context?: Record<string, unknown> | undefined }): Promise<{ runId: string }> {
  const run = await requireRunOf(store, scope, input.runId);
  const checkpoints = await store.listCheckpoints(run.id);
  const from = checkpoints.find((checkpoint) => checkpoint.seq === input.checkpoint);
  if (from === undefined || from.nextNode === null) {
    const valid = checkpoints.filter((checkpoint) => checkpoint.nextNode !== null).map((checkpoint) => checkpoint.seq);
    throw new OrchestraError(ErrorCode.CHECKPOINT_NOT_FOUND, `checkpoint: run ${run.id} has no checkpoint ${input.checkpoint} to replay from${from ? ' (it is the last: nothing follows it)' : ''}.`, {
      hint: valid.length === 0 ? 'The run has no checkpoint with a next node; start it again with runs.start.' : `Checkpoints to replay from: ${valid.join(', ')}.`,
      fields: [{ field: 'checkpoint', message: 'no such checkpoint to replay from' }],
    });
  }
  const newRunId = createRunId();
  await runs.launch({ kind: 'replay', runId: newRunId, from: run.id, checkpoint: input.checkpoint, ...(input.context !== undefined && { context: input.context }) });
  return { runId: newRunId };
}
