import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { parseLeaseOwner } from '../../engine/run/lease-owner.js';
import type { Store } from '../../store/store.js';
import { displayStateOf, isRunStale } from './run-liveness.js';
import { refuseFinished, requireRunOf } from './require-run.js';
import type { cancelOutput } from './schemas.js';

export interface CancelOptions {
  /** Sends the signal (default process.kill): tests watch it. */
  kill?: (pid: number, signal: NodeJS.Signals) => void;
  /** How long to wait for the run to record that it stopped (default 30 s). */
  deadlineMs?: number;
}

/**
 * Stops a run the way Ctrl-C does (there is no other way to stop one): the process driving it, on
 * this host, gets SIGTERM, aborts the node in progress and records the run `interrupted` with its
 * last checkpoint, so that runs.resume carries it on. Its open gate task stays open: answering it
 * later carries the run on too (the daemon resumes an interrupted run whose gate was answered).
 * A run nothing drives is already stopped; cancelling it changes nothing.
 */
export async function cancelRun(store: Store, scope: TenantScope, runId: string, options: CancelOptions = {}): Promise<z.input<typeof cancelOutput>> {
  const run = await requireRunOf(store, scope, runId);
  refuseFinished(run, 'cancel');
  if (run.parentRunId !== undefined && run.parentCheckpoint === undefined) {
    throw new OrchestraError(ErrorCode.USAGE, `Run ${run.id} is a child run of ${run.parentRunId}: it stops with its parent.`, { hint: `Cancel run ${run.parentRunId} instead.` });
  }
  const lease = run.state === 'running' ? await store.getLease(run.id) : undefined;
  if (run.state !== 'running' || lease === undefined || isRunStale(run, lease, Date.now())) {
    return { runId: run.id, displayState: displayStateOf(run, lease, Date.now()), stopped: false };
  }
  const owner = parseLeaseOwner(lease.owner);
  // The serving process itself drives a workflow's pipelines: a signal would stop all of it.
  if (owner === undefined || owner.host !== hostname() || owner.pid === process.pid) {
    throw new OrchestraError(ErrorCode.RUN_LOCKED, `Run ${run.id} is driven by ${lease.owner}, which cannot be stopped from here.`, {
      hint: 'Stop the process or workflow that drives it; a run started with runs.start can always be cancelled.',
    });
  }
  try {
    (options.kill ?? process.kill)(owner.pid, 'SIGTERM');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  return { runId: run.id, displayState: await stoppedState(store, run.id, options.deadlineMs ?? 30_000), stopped: true };
}

/** Polls the store until the run no longer runs (or the deadline passes), then its display state. */
async function stoppedState(store: Store, runId: string, deadlineMs: number): Promise<z.input<typeof cancelOutput>['displayState']> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const run = (await store.getRun(runId))!;
    const lease = run.state === 'running' ? await store.getLease(runId) : undefined;
    const state = displayStateOf(run, lease, Date.now());
    if (state !== 'running' || Date.now() > deadline) return state;
    await delay(100);
  }
}
