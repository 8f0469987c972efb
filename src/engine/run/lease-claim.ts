import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { ResolvedEngine } from './engine-options.js';
import { isDeadLocalOwner } from './lease-owner.js';
import { endOrphanedProcesses } from './orphan-processes.js';

// Runs this process is driving right now. A lease held under our own owner name would let a second
// resume in the same process through; this set refuses it.
const drivenHere = new Set<string>();

/** Marks a run as driven by this process until the returned function is called. */
export function markDrivenHere(runId: string): () => void {
  drivenHere.add(runId);
  return () => drivenHere.delete(runId);
}

/**
 * Takes the run's lease for this process. A lease held by a live owner refuses (E_RUN_LOCKED); one
 * whose owner is a dead process on this host is taken at once rather than after it expires. Then
 * it ends the process groups the previous owner left running (orphan-processes.ts).
 */
export async function claimRunLease(engine: ResolvedEngine, runId: string, isDead: (owner: string) => boolean = isDeadLocalOwner): Promise<void> {
  const { store, clock, leaseOwner, leaseTtlMs } = engine;
  if (drivenHere.has(runId)) {
    throw new OrchestraError(ErrorCode.RUN_LOCKED, `Run ${runId} is already being driven by this process.`, {
      hint: 'Wait for its result instead of resuming it again.',
    });
  }
  const lease = await store.getLease(runId);
  if (lease && lease.owner !== leaseOwner && lease.expiresAt > clock.now()) {
    if (!isDead(lease.owner)) throw lockedError(runId, lease.owner);
    await store.releaseLease(runId, lease.owner);
  }
  if (!(await store.acquireLease(runId, leaseOwner, leaseTtlMs, clock.now()))) {
    throw lockedError(runId, (await store.getLease(runId))?.owner ?? 'another process');
  }
  // Whoever drove the run before may have left a node's command running: it ends before anything runs again.
  try {
    await endOrphanedProcesses(engine, runId);
  } catch (error) {
    await store.releaseLease(runId, leaseOwner);
    throw error;
  }
}

function lockedError(runId: string, owner: string): OrchestraError {
  return new OrchestraError(ErrorCode.RUN_LOCKED, `Run ${runId} is being driven by another process (${owner}).`, {
    hint: 'Wait for that process to finish or stop it; its lease lapses within seconds of it stopping, then resume again.',
  });
}
