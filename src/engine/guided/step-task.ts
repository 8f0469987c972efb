import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { GuidedInstance } from '../../store/guided-types.js';
import type { GuidedDeps } from './guided-types.js';

/**
 * The coding task of a step visit (`waits_for: task`), made only after the store holds the change
 * that entered the step, with the task's slug and request in its wait. The slug is the visit's
 * identity: whatever made the task, the next attempt finds it by that slug and adopts it. A kill -9
 * of the daemon at each point, and why it is safe (test/guided/guided-task-crash.test.ts):
 *
 * 1. Before the change is stored (the model deciding, the slug being named): no task exists, since
 *    none is made before the store holds its slug, and nothing is stored; the agent's retry decides again.
 * 2. After the change is stored, before the task is created: the instance waits for `taskSlug` with no
 *    `taskId`. The next read of the instance (status, advance, resume: loadGuided) calls ensureTask,
 *    which finds no task of that slug and makes it from the stored `taskRequest`, then starts it.
 * 3. After it is created, before it is started: a draft task of that slug; ensureTask starts it.
 * 4. While it starts (the agent spawned, its pid not yet recorded) or after it started, before `taskId`
 *    is stored: the next daemon's agent recovery ends the orphaned agent first and resumes the task's
 *    session when the task says it runs (one agent again); a task still a draft is case 3. ensureTask
 *    finds the task by its slug and adopts it as it is (running, or already finished: its outcome).
 * 5. After `taskId` is stored: the instance waits on it like any other.
 *
 * Two readers at once ensure the same slug (the port does one at a time per task) and both record
 * the same `taskId`; the change is checked against the version, so the second reads the first's.
 */
export async function startStepTask(deps: GuidedDeps, scope: TenantScope, instance: GuidedInstance): Promise<GuidedInstance> {
  const wait = instance.waitingFor;
  if (instance.status !== 'waiting' || wait?.taskSlug === undefined || wait.taskId !== undefined || wait.taskRequest === undefined) return instance;
  // Without the daemon's tasks (the CLI alone) it stays waiting for its task until the daemon reads it.
  if (deps.tasks === undefined) return instance;
  const request = { guidedId: instance.id, step: wait.step, slug: wait.taskSlug, ...wait.taskRequest, ...(instance.projectDir !== undefined && { projectDir: instance.projectDir }) };
  let taskId: string;
  try {
    ({ taskId } = await deps.tasks.ensureTask(scope, request));
  } catch (error) {
    throw taskNotStartedError(instance, wait.step, wait.taskSlug, error);
  }
  try {
    return await deps.store.commitGuidedChange(scope, instance.id, { expectedVersion: instance.version, patch: { waitingFor: { step: wait.step, taskSlug: wait.taskSlug, taskId }, updatedAt: deps.now() } });
  } catch (error) {
    if (!(error instanceof OrchestraError && error.code === ErrorCode.GUIDED_CONFLICT)) throw error;
    // Another reader recorded the same task first (same slug, so the same task).
    return (await deps.store.getGuidedInstance(scope, instance.id)) ?? instance;
  }
}

/** The step is recorded; its task is not there yet. Every read of the instance tries again. */
function taskNotStartedError(instance: GuidedInstance, step: string, slug: string, error: unknown): OrchestraError {
  const cause = error instanceof OrchestraError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new OrchestraError(cause?.code ?? ErrorCode.GUIDED_STATE, `guided instance "${instance.id}" entered step ${step}, but its coding task ${slug} could not be made or started: ${message}`, {
    hint: `${cause?.hint !== undefined ? `${cause.hint} ` : ''}The step is recorded: once the cause is fixed, get_workflow_status (or any read of the instance) makes or starts the task.`,
  });
}
