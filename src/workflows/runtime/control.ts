import { ErrorCode, isOrchestraError } from '../../core/errors.js';
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
export async function cancelWorkflow(deps: Pick<WorkflowDeps, 'store' | 'scope' | 'clock'>, instanceId: string): Promise<WorkflowInstance> {
  const cancelled = await deps.store.updateWorkflow(deps.scope, instanceId, cancel(deps.clock.now()));
  await cancelChildren(deps, instanceId);
  return cancelled;
}

/**
 * Cancels the unfinished children of `parentId` (child()), and theirs. Done at the cancel and
 * again at the parent's cleanup replay (run-instance.ts), so a crash in between leaves none running.
 */
export async function cancelChildren(deps: Pick<WorkflowDeps, 'store' | 'scope' | 'clock'>, parentId: string): Promise<void> {
  const children = await deps.store.listWorkflows(deps.scope, { parentId, status: ['running', 'waiting'], limit: 1_000 });
  for (const child of children) {
    try {
      await cancelWorkflow(deps, child.id);
    } catch (error) {
      // It finished meanwhile: nothing to cancel.
      if (!isOrchestraError(error) || error.code !== ErrorCode.WORKFLOW_STATE) throw error;
    }
  }
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
