import type { JsonValue } from '../../store/human-task-types.js';
import type { Timer } from '../../store/timer-types.js';
import { cancel, wake } from '../../store/workflow-transitions.js';
import type { WorkflowInstance, WorkflowSignal } from '../../store/workflow-types.js';
import type { WorkflowDeps } from './deps.js';

/*
 * What the world does to an instance from outside its function: signal it, cancel it, wake it
 * when its timer is due (a human task it waits on wakes it in the store, as the task settles). Each is one store transaction;
 * the worker then claims the instance (claimRunnableWorkflows) or a caller runs it (runInstance).
 */

/** Sends signal `name`; kept until the workflow's waitForSignal takes it. E_WORKFLOW_STATE for a finished instance. */
export function signalWorkflow(deps: Pick<WorkflowDeps, 'store' | 'scope' | 'clock'>, instanceId: string, name: string, payload: JsonValue = null): Promise<WorkflowSignal> {
  return deps.store.sendSignal(deps.scope, instanceId, name, payload, deps.clock.now());
}

/**
 * Cancels at once (status `cancelled`; E_WORKFLOW_STATE when finished already). The function's
 * finally blocks run the next time a worker replays it: a running function stops at its next
 * durable call, a waiting one is replayed up to where it waited and stops there.
 */
export function cancelWorkflow(deps: Pick<WorkflowDeps, 'store' | 'scope' | 'clock'>, instanceId: string): Promise<WorkflowInstance> {
  return deps.store.updateWorkflow(deps.scope, instanceId, cancel(deps.clock.now()));
}

/**
 * A worker's handling of a due `workflow.wake` timer it claimed: wakes the instance waiting on it,
 * then marks the timer fired. A crash in between leaves the timer to be claimed again, and a second
 * wake is harmless (the replay finds the timer fired).
 */
export async function fireWorkflowTimer(deps: Pick<WorkflowDeps, 'store' | 'scope' | 'clock'>, timer: Timer, owner: string): Promise<boolean> {
  const now = deps.clock.now();
  await deps.store.updateWorkflow(deps.scope, timer.subjectId, wake(now, (wait) => (wait.kind === 'timer' || wait.kind === 'signal') && wait.timerId === timer.id));
  return deps.store.completeTimer(timer, owner, now);
}
