import { noPeople } from '../../../src/config/index.js';
import { authenticateLocal } from '../../../src/services/auth/local-scope.js';
import { answerHumanTask } from '../../../src/services/human-tasks/answer.js';
import { openCliStore } from '../../../src/cli/store-location.js';
import type { HumanTask } from '../../../src/store/human-task-types.js';

/*
 * A second process's view of the human tasks a CLI run stores under ORCHESTRA_HOME=`home`: what
 * `orchestra inbox` and `orchestra answer` do, called through the same services and store.
 */

/** The human tasks created by `runId`'s gates (every task of the tenant when runId is omitted), in `tenant`. */
export async function gateTasksOf(home: string, runId?: string, tenant?: string): Promise<HumanTask[]> {
  const { store } = await openCliStore({ ORCHESTRA_HOME: home });
  try {
    const { tasks } = await store.listHumanTasks(authenticateLocal({ env: { ORCHESTRA_TENANT: tenant } }), { limit: 1000 });
    return tasks.filter((task) => runId === undefined || (task.createdBy.kind === 'run' && task.createdBy.runId === runId));
  } finally {
    await store.close();
  }
}

/** Answers task `id` as `who` (no people: configured) through answerHumanTask. */
export async function answerGateTask(home: string, id: string, answer: Record<string, unknown>, who = 'ann'): Promise<HumanTask> {
  const { store } = await openCliStore({ ORCHESTRA_HOME: home });
  try {
    return await answerHumanTask({ store, scope: authenticateLocal({ env: {} }), actor: { id: who, groups: [], admin: false }, people: noPeople, now: () => Date.now() }, { id, answer });
  } finally {
    await store.close();
  }
}

/** The task id a run prints when its gate starts waiting. */
export const waitingTaskLine = /Waiting for human task (h[0-9a-z]{12})/;
