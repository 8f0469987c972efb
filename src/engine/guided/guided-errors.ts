import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { GuidedInstance } from '../../store/guided-types.js';

/* The orchestrator's refusals (issue 13): each one leaves the stored instance as it was. */

export function stepNotCurrentError(instance: GuidedInstance, reported: string): OrchestraError {
  const current = instance.currentStep === undefined ? 'no current step' : `its current step is ${instance.currentStep}`;
  return new OrchestraError(ErrorCode.GUIDED_STEP_NOT_CURRENT, `the report is for step ${reported}, but ${current} (guided instance "${instance.id}")`, {
    hint: `Call resume_workflow with assumed_current_step_name "${reported}" (and the report; from the CLI \`orchestra guided resume ${instance.id} --assumed ${reported}\`) so the orchestrator reconciles the two, or report step ${instance.currentStep ?? '?'}.`,
  });
}

export function finishedError(instance: GuidedInstance, request: string): OrchestraError {
  return new OrchestraError(ErrorCode.GUIDED_STATE, `cannot ${request} guided instance "${instance.id}": it ${instance.status}`, {
    hint: 'A finished instance takes no more reports: start a new one with start_workflow.',
  });
}

export function waitingError(instance: GuidedInstance, request: string): OrchestraError {
  return new OrchestraError(ErrorCode.GUIDED_STATE, `cannot ${request} guided instance "${instance.id}": step ${instance.waitingFor?.step ?? instance.currentStep ?? '?'} waits for ${waitedFor(instance)}`, {
    hint: instance.waitingFor?.humanTaskId !== undefined ? `Answer it (orchestra answer ${instance.waitingFor.humanTaskId} …), then call get_workflow_status.` : 'Wait for the task to finish, then call get_workflow_status.',
  });
}

/** What a waiting instance waits for, in the words of its answers and errors. */
export function waitedFor(instance: GuidedInstance): string {
  const wait = instance.waitingFor;
  if (wait?.humanTaskId !== undefined) return `human task ${wait.humanTaskId}`;
  if (wait?.taskId === undefined && wait?.taskSlug !== undefined) return `task ${wait.taskSlug} (not started yet)`;
  return `task ${wait?.taskId ?? '?'}`;
}
