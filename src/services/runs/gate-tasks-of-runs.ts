import { systemScopeFor } from '../auth/index.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';

/** An open human task a run's gate created (issue 10). */
export interface OpenGateTask {
  id: string;
  nodeId: string;
  /** `chat`: a turn of an interactive node's conversation (answered with message=…). */
  kind: HumanTask['kind'];
}

/**
 * Run id → the open (or claimed) human task its gate waits on: what `orchestra runs` names beside
 * a waiting or interrupted run. Each run's tasks are in the tenant stored with the run (a run
 * started with `--tenant acme` waits on a task in acme), so there is one query per tenant listed.
 */
export async function openGateTasksByRun(store: Store, runs: readonly Pick<RunRecord, 'tenant'>[]): Promise<Map<string, OpenGateTask>> {
  const byRun = new Map<string, OpenGateTask>();
  for (const tenant of new Set(runs.map((run) => run.tenant))) {
    const { tasks } = await store.listHumanTasks(systemScopeFor(tenant), { status: ['open', 'claimed'], limit: 1000 });
    for (const task of tasks) if (task.createdBy.kind === 'run') byRun.set(task.createdBy.runId, { id: task.id, nodeId: task.createdBy.nodeId, kind: task.kind });
  }
  return byRun;
}
