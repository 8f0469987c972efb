import { authenticateLocal } from '../../services/auth/local-scope.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';

/** An open human task a run's gate created (issue 10). */
export interface OpenGateTask {
  id: string;
  nodeId: string;
  /** `chat`: a turn of an interactive node's conversation (answered with message=…). */
  kind: HumanTask['kind'];
}

/**
 * Run id → the open (or claimed) human task its gate waits on, in the local tenant: what
 * `orchestra runs` names beside a waiting or interrupted run. One query for the whole list.
 */
export async function openGateTasksByRun(store: Store, env: CliIo['env']): Promise<Map<string, OpenGateTask>> {
  const { tasks } = await store.listHumanTasks(authenticateLocal({ env }), { status: ['open', 'claimed'], limit: 1000 });
  const byRun = new Map<string, OpenGateTask>();
  for (const task of tasks) if (task.createdBy.kind === 'run') byRun.set(task.createdBy.runId, { id: task.id, nodeId: task.createdBy.nodeId, kind: task.kind });
  return byRun;
}
