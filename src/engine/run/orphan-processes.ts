import { hostname } from 'node:os';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { NodeProcess } from '../../store/node-process.js';
import { hasProcStat, readProcStat } from '../../sessions/proc-stat.js';
import { groupAlive, signalGroup, waitUntil } from '../../sessions/process-group.js';
import { isSameProcess } from '../../sessions/process-identity.js';
import type { ResolvedEngine } from './engine-options.js';

export interface OrphanTimings {
  /** Between SIGTERM and SIGKILL, as for a tool node's timeout. */
  graceMs: number;
  /** How long a SIGKILLed group may take to disappear before resume gives up. */
  killWaitMs: number;
}

const defaultTimings: OrphanTimings = { graceMs: 2_000, killWaitMs: 10_000 };

/**
 * Ends the process groups a run's previous driver recorded and did not clear (it was killed, or
 * its terminal closed): SIGTERM, SIGKILL after the grace period, then waits until every member is
 * gone, so the node they belong to can run again without two copies at once. Called whenever a
 * process takes a run's lease. A pid that is gone or now names another process is only forgotten.
 */
export async function endOrphanedProcesses(engine: ResolvedEngine, runId: string, timings: OrphanTimings = defaultTimings): Promise<void> {
  const { store, logger } = engine;
  const here = hostname();
  for (const orphan of await store.listNodeProcesses(runId)) {
    if (orphan.host !== here) {
      logger.warn('a process group of the run was started on another host and cannot be ended from here', { runId, pid: orphan.pid, host: orphan.host, node: orphan.nodeId });
    } else if (ownsGroup(orphan) && groupAlive(orphan.pid)) {
      // A leader that is only an unreaped zombie with no live member left has nothing to end.
      logger.warn('ending a process group the interrupted run left running', { runId, pid: orphan.pid, node: orphan.nodeId, attempt: orphan.attempt });
      await endGroup(orphan, timings);
    }
    await store.clearNodeProcess(runId, orphan.pid);
  }
}

/**
 * True when the recorded leader still exists (a zombie included: its pid cannot have been reused)
 * with the recorded start time and still leads its group. Without /proc only liveness is known.
 */
export function ownsGroup(orphan: Pick<NodeProcess, 'pid' | 'startTime'>): boolean {
  if (!hasProcStat) return orphan.startTime === undefined && isSameProcess(orphan.pid, undefined);
  const stat = readProcStat(orphan.pid);
  return stat !== undefined && stat.startTime === orphan.startTime && stat.pgrp === orphan.pid;
}

async function endGroup(orphan: NodeProcess, timings: OrphanTimings): Promise<void> {
  const gone = () => !groupAlive(orphan.pid);
  signalGroup(orphan.pid, 'SIGTERM');
  if (await waitUntil(gone, timings.graceMs)) return;
  signalGroup(orphan.pid, 'SIGKILL');
  if (await waitUntil(gone, timings.killWaitMs)) return;
  throw new OrchestraError(ErrorCode.RUN_LOCKED, `Process group ${orphan.pid} of node "${orphan.nodeId}", left running by the interrupted run, did not end after SIGKILL.`, {
    hint: `Check it with \`ps -g ${orphan.pid}\`, end it, then resume again; the node is not run twice at once.`,
  });
}
