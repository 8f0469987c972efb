import type { z } from 'zod';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import { apiNodeView, apiRunView } from './api-view.js';
import { openGateTasksByRun } from './gate-tasks-of-runs.js';
import { requireRunOf } from './require-run.js';
import { viewOf } from './run-view.js';
import type { runDetail } from './schemas.js';

/** One run of the caller's tenant with its node history and checkpoints (`orchestra runs RUN --detail`). */
export async function getRun(store: Store, scope: TenantScope, runId: string, now: number): Promise<z.input<typeof runDetail>> {
  const run = await requireRunOf(store, scope, runId);
  const view = await viewOf(store, run, now, await openGateTasksByRun(store, [run]));
  const nodes = (await store.listNodeRecords(run.id)).map(apiNodeView);
  const checkpoints = (await store.listCheckpoints(run.id)).map(({ seq, currentNode, nextNode, timestamp }) => ({ seq, currentNode, nextNode, timestamp }));
  // Summed by the store over its agent turns only, not by reading every event of the run.
  const costUsd = (await store.runCosts([run.id])).get(run.id) ?? 0;
  return { run: apiRunView(view), nodes, checkpoints, costUsd };
}
