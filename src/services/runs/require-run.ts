import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';

/**
 * The run with this id in the caller's tenant. Another tenant's run is E_RUN_NOT_FOUND exactly as a
 * missing one is: a caller learns nothing about runs outside its tenant.
 */
export async function requireRunOf(store: Store, scope: TenantScope, runId: string): Promise<RunRecord> {
  const run = await store.getRun(runId);
  if (run !== undefined && run.tenant === scope.tenant) return run;
  throw new OrchestraError(ErrorCode.RUN_NOT_FOUND, `Run ${runId} does not exist.`, { hint: 'runs.list (run_list) lists the runs of your tenant.' });
}

/** E_RUN_FINISHED for a run that completed or failed: nothing is left to drive, stop or answer. */
export function refuseFinished(run: RunRecord, doing: string): void {
  if (run.state !== 'completed' && run.state !== 'failed') return;
  throw new OrchestraError(ErrorCode.RUN_FINISHED, `Run ${run.id} already ${run.state}: there is nothing to ${doing}.`, {
    hint: `runs.replay (run_replay) runs it again from one of its checkpoints.`,
  });
}
