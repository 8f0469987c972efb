import type { JsonValue } from './human-task-types.js';
import { workflowStateError } from './workflow-errors.js';
import { isFinished } from './workflow-rules.js';
import type { SuspendedCall, WorkflowError, WorkflowInstance, WorkflowPatch, WorkflowWait } from './workflow-types.js';

/*
 * The decide() functions for updateWorkflow (issue 11): pure, so every Store applies them inside its
 * own transaction. Lost wakes are ruled out by `wakeups`: the runtime reads it before it looks for a
 * signal, an answer or a due timer, and suspend refuses if a wake came in between, so the instance
 * stays running and is replayed again instead of sleeping through its wake.
 */

export type WorkflowDecide = (instance: WorkflowInstance) => WorkflowPatch | undefined;

/** A worker takes up a waiting instance (its timer fired, or a spurious wake): it runs again. */
export function resume(now: number): WorkflowDecide {
  return (instance) => (instance.status === 'waiting' ? { status: 'running', waitingOn: undefined, updatedAt: now } : undefined);
}

/** Something the instance may wait for happened. A running one only counts it (see suspend). */
export function wake(now: number, matches: (wait: WorkflowWait) => boolean = () => true): WorkflowDecide {
  return (instance) => {
    if (instance.status === 'running') return { wakeups: instance.wakeups + 1, updatedAt: now };
    if (instance.status !== 'waiting' || (instance.waitingOn && !matches(instance.waitingOn))) return undefined;
    return { status: 'running', waitingOn: undefined, wakeups: instance.wakeups + 1, updatedAt: now };
  };
}

/** Waits for `wait` (at call `at`), unless a wake arrived since the runtime read `seenWakeups` (or it is no longer running). */
export function suspend(wait: WorkflowWait, seenWakeups: number, now: number, at?: SuspendedCall): WorkflowDecide {
  return (instance) => (instance.status === 'running' && instance.wakeups === seenWakeups ? { status: 'waiting', waitingOn: wait, ...(at && { suspendedAt: at }), updatedAt: now } : undefined);
}

export function complete(result: JsonValue, now: number): WorkflowDecide {
  return (instance) => {
    if (instance.status !== 'running') throw workflowStateError(instance.id, instance.status, 'complete');
    return { status: 'completed', result, waitingOn: undefined, finishedAt: now, updatedAt: now };
  };
}

export function fail(error: WorkflowError, now: number): WorkflowDecide {
  return (instance) => {
    if (instance.status !== 'running') throw workflowStateError(instance.id, instance.status, 'fail');
    return { status: 'failed', error, waitingOn: undefined, finishedAt: now, updatedAt: now };
  };
}

/** Cancels at once; the function's finally blocks run when a worker next replays it (cleanupPending). */
export function cancel(now: number): WorkflowDecide {
  return (instance) => {
    if (isFinished(instance.status)) throw workflowStateError(instance.id, instance.status, 'cancel');
    return { status: 'cancelled', cleanupPending: true, waitingOn: undefined, finishedAt: now, updatedAt: now };
  };
}

/** The cancelled function's cleanup ran: nothing is left to run. */
export function cleanedUp(now: number): WorkflowDecide {
  return (instance) => (instance.cleanupPending ? { cleanupPending: undefined, updatedAt: now } : undefined);
}
