import { dirname } from 'node:path';
import { loadConfig } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { resolveActor } from '../../humans/people/resolve-actor.js';
import type { ApiDeps } from '../api/deps.js';
import { answerHumanTask } from '../human-tasks/answer.js';
import { createOutboxNotifier } from '../notifications/index.js';
import { openGateTasksByRun } from './gate-tasks-of-runs.js';
import { refuseFinished, requireRunOf } from './require-run.js';

/**
 * Answers the human task the run's gate waits on, as the caller, through the human-task service
 * (its eligibility rules and notices; the first valid answer wins). The run carries on by itself:
 * its process, still waiting, takes the answer; if none drives it, the daemon resumes it.
 */
export async function answerRunGate(
  deps: Pick<ApiDeps, 'store' | 'env' | 'log'>,
  caller: { scope: TenantScope; user: string },
  input: { runId: string; answer: Record<string, unknown> },
): Promise<{ runId: string; humanTask: string; nodeId: string }> {
  const run = await requireRunOf(deps.store, caller.scope, input.runId);
  refuseFinished(run, 'answer');
  const task = (await openGateTasksByRun(deps.store, [run])).get(run.id);
  if (task === undefined) {
    throw new OrchestraError(ErrorCode.HUMAN_TASK_NOT_FOUND, `Run ${run.id} waits on no human task.`, { hint: 'runs.get (run_status) shows where the run is; only a run waiting at a gate can be answered.' });
  }
  // The people and routes of the run's project: the ones its gate made the task with.
  const { config } = await loadConfig({ startDir: dirname(run.file), env: deps.env });
  const actor = resolveActor(config.people, { value: caller.user, source: 'the caller' });
  const notices = createOutboxNotifier({ store: deps.store, rules: config.notifications.routes, people: config.people, log: deps.log });
  await answerHumanTask({ store: deps.store, scope: caller.scope, actor, people: config.people, now: () => Date.now(), notices }, { id: task.id, answer: input.answer });
  return { runId: run.id, humanTask: task.id, nodeId: task.nodeId };
}
