import type { OrchestraError } from '../../core/errors.js';
import type { SuspendedCall, WorkflowWait } from '../../store/workflow-types.js';

/*
 * Why a workflow function stops before returning. The runtime throws one of these out of a durable
 * call and remembers it (WorkflowRun.halt), so user code that catches it by mistake still stops:
 * runInstance acts on the remembered halt, not on what the function returned or threw.
 */

/** The function waits (a timer, a human task, a signal): the instance goes `waiting`, and is replayed when woken. */
export class Suspend extends Error {
  override readonly name = 'WorkflowSuspend';
  constructor(
    readonly wait: WorkflowWait,
    readonly at: SuspendedCall,
  ) {
    super(`the workflow waits for ${describeWait(wait)}`);
  }
}

function describeWait(wait: WorkflowWait): string {
  switch (wait.kind) {
    case 'timer':
      return `a timer until ${new Date(wait.until).toISOString()}`;
    case 'task':
      return `human task ${wait.taskId}`;
    case 'signal':
      return `signal "${wait.name}"`;
    case 'child':
      return `child workflow ${wait.instanceId}`;
  }
}

/** The instance was cancelled: the function unwinds through its finally blocks (its cleanup). */
export class Cancelled extends Error {
  override readonly name = 'WorkflowCancelled';
  constructor(id: string) {
    super(`workflow instance "${id}" was cancelled`);
  }
}

/** Another process drives the instance now (it journaled first, or took the lapsed lease): stop, writing nothing. */
export class Superseded extends Error {
  override readonly name = 'WorkflowSuperseded';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The code diverged from the journal (E_WORKFLOW_NONDETERMINISM): the instance fails with it. */
export class Diverged extends Error {
  override readonly name = 'WorkflowDiverged';
  constructor(readonly error: OrchestraError) {
    super(error.message);
  }
}

export type Halt = Suspend | Cancelled | Superseded | Diverged;
