import { isDeadLocalOwner } from '../../engine/run/lease-owner.js';
import { isLeaseExpired } from '../../store/lease-rules.js';
import type { Lease, RunRecord, RunState } from '../../store/types.js';

/**
 * A stored state; `interrupted?` for a run that says `running` but that no process drives;
 * `waiting` for a live run whose current node is a human gate waiting for its answer.
 */
export type DisplayState = RunState | 'interrupted?' | 'waiting';

/**
 * A process that drives a run holds its lease and renews it; after a crash or `kill -9` the state
 * stays `running` but the lease lapses. Such a run is shown as `interrupted?` (resumable) rather
 * than trusted as running. A lease whose owner is a dead process on this host counts as lapsed at
 * once, the same rule the engine uses to take it over.
 */
export function isRunStale(
  run: Pick<RunRecord, 'state'>,
  lease: Lease | undefined,
  now: number,
  isDeadOwner: (owner: string) => boolean = isDeadLocalOwner,
): boolean {
  return run.state === 'running' && (lease === undefined || isLeaseExpired(lease, now) || isDeadOwner(lease.owner));
}

export function displayStateOf(
  run: Pick<RunRecord, 'state'>,
  lease: Lease | undefined,
  now: number,
  isDeadOwner: (owner: string) => boolean = isDeadLocalOwner,
): DisplayState {
  return isRunStale(run, lease, now, isDeadOwner) ? 'interrupted?' : run.state;
}
