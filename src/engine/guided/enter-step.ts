import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { createRunId } from '../../core/ids.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { GuidedDefinition } from '../../guided/definition.js';
import { renderInstructions } from '../../guided/render-instructions.js';
import { createHumanTaskId } from '../../humans/tasks/task-id.js';
import type { GuidedChange, GuidedInstance, GuidedPatch } from '../../store/guided-types.js';
import type { Assignee, FormDefinition, JsonObject, NewHumanTask } from '../../store/human-task-types.js';
import type { GuidedAnswer, GuidedDeps } from './guided-types.js';
import { startStepTask } from './step-task.js';

/** What entering a step changes: the current step, and for a step that waits, the wait and the human task to create with it. */
export interface EnteredStep {
  patch: Required<Pick<GuidedPatch, 'currentStep' | 'status'>> & Pick<GuidedPatch, 'waitingFor'>;
  humanTask?: NewHumanTask;
}

/** The form of a human-task step that declares none: did it go well, and what to tell the agent. */
export const defaultStepForm: FormDefinition = {
  outcome: { type: 'select', label: 'Outcome', required: true, options: [{ value: 'success', label: 'Done' }, { value: 'failure', label: 'Not done' }] },
  notes: { type: 'textarea', label: 'Notes for the agent' },
};

export function newGuidedId(deps: GuidedDeps): string {
  return deps.newId?.() ?? createRunId(deps.now());
}

/** `group:NAME` names a group, anything else a user. */
export function assigneeOf(text: string | undefined): Assignee | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text.startsWith('group:') ? { kind: 'group', id: text.slice('group:'.length) } : { kind: 'user', id: text };
}

/**
 * Enters `stepName`: a plain step runs; a step that waits for a human task gets it (created with the
 * change, in its transaction); one that waits for a coding task gets its task's name, and the task
 * is made after the change is stored (commitEntered).
 */
export async function enterStep(deps: GuidedDeps, scope: TenantScope, instance: Pick<GuidedInstance, 'id' | 'projectDir'>, definition: GuidedDefinition, stepName: string, context: JsonObject): Promise<EnteredStep> {
  const step = definition.steps.find((candidate) => candidate.name === stepName);
  const wait = step?.waitsFor;
  if (step === undefined || wait === undefined) return { patch: { currentStep: stepName, status: 'running', waitingFor: null } };
  const description = renderInstructions(step.instructions, context);
  if (wait.kind === 'human-task') {
    const id = createHumanTaskId(deps.now());
    const assignee = assigneeOf(wait.assignee);
    const humanTask: NewHumanTask = {
      id,
      // The title is part of the step, so its {{context.x}} are filled like the instructions'.
      title: renderInstructions(wait.title, context),
      description,
      form: (wait.form as FormDefinition | undefined) ?? defaultStepForm,
      context: { guidedId: instance.id, workflow: definition.name, step: stepName, context },
      ...(assignee && { assignee }),
      createdBy: { kind: 'guided', guidedId: instance.id, step: stepName },
      actor: 'orchestra',
      createdAt: deps.now(),
    };
    return { patch: { currentStep: stepName, status: 'waiting', waitingFor: { step: stepName, humanTaskId: id } }, humanTask };
  }
  if (deps.tasks === undefined) {
    throw new OrchestraError(ErrorCode.GUIDED_STATE, `step ${stepName} of workflow ${definition.name} starts a coding-agent task, and nothing here can start one`, {
      hint: 'Run guided workflows through the daemon (its task service starts the task), or remove waitsFor from the step.',
    });
  }
  // Only the task's name is taken now; the task is made once the store holds it (step-task.ts).
  const { slug } = await deps.tasks.nameTask(scope, { guidedId: instance.id, step: stepName, ...(instance.projectDir !== undefined && { projectDir: instance.projectDir }) });
  const taskRequest = { description: `${renderInstructions(wait.description, context)}\n\n${description}`, ...(wait.agent !== undefined && { agent: wait.agent }) };
  return { patch: { currentStep: stepName, status: 'waiting', waitingFor: { step: stepName, taskSlug: slug, taskRequest } } };
}

/**
 * Stores a change that entered a step, then makes the coding task the step waits for, if any. A
 * change the store refuses (another report or reader changed the instance first) made no task.
 */
export async function commitEntered(deps: GuidedDeps, scope: TenantScope, id: string, change: GuidedChange): Promise<GuidedInstance> {
  return startStepTask(deps, scope, await deps.store.commitGuidedChange(scope, id, change));
}

/** The operations' answer for `instance` as it now stands. */
export function answerFor(instance: GuidedInstance, definition: GuidedDefinition, reason: string, fallback?: string): GuidedAnswer {
  const answer: GuidedAnswer = { instance_id: instance.id, status: instance.status, next_step: null, reason };
  if (fallback !== undefined) answer.fallback = fallback;
  const wait = instance.waitingFor;
  if (instance.status === 'waiting' && wait !== undefined) {
    answer.waiting_for = { step: wait.step, ...(wait.humanTaskId !== undefined && { human_task_id: wait.humanTaskId }), ...(wait.taskId !== undefined && { task_id: wait.taskId }) };
    return answer;
  }
  if (instance.status !== 'running' || instance.currentStep === undefined) return answer;
  const step = definition.steps.find((candidate) => candidate.name === instance.currentStep);
  answer.next_step = { name: instance.currentStep, instructions: renderInstructions(step?.instructions ?? '', instance.context) };
  return answer;
}
