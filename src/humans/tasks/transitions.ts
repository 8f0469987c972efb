import type { Assignee, HumanTask, HumanTaskAction, HumanTaskChange, HumanTaskPriority, HumanTaskState, JsonObject } from '../../store/human-task-types.js';
import type { Actor } from './actor.js';
import { formatAssignee, isEligible } from './eligibility.js';
import { humanTaskStateError, notEligibleError } from './task-errors.js';
import { validateAnswer } from './validate-answer.js';

/*
 * The state machine of a human task, as pure decide() functions for HumanTaskStore.updateHumanTask:
 *
 *   open ──claim──▶ claimed ──release──▶ open
 *   open | claimed ──answer──▶ completed     (the first valid answer wins)
 *   open | claimed ──reassign──▶ open        (claim dropped)
 *   open | claimed ──expire──▶ expired       (the SLA's last step)
 *   open | claimed ──cancel──▶ cancelled
 *   open | claimed ──escalate──▶ open | claimed  (an SLA step fired: next step, maybe a new
 *                                                  priority or assignee, which drops the claim)
 *
 * completed, expired and cancelled are final. Each throws E_HUMAN_TASK_STATE, E_NOT_ELIGIBLE or
 * E_FORM_INVALID instead of deciding, and then nothing is written.
 */

export type Decide = (task: HumanTask) => HumanTaskChange;

const live = ['open', 'claimed'] as const;

/** The task's changeable state, the base of every decided change (SLA escalations build on it too). */
export function stateOf(task: HumanTask): HumanTaskState {
  const { title, description, context, assignee, priority, status, dueAt, escalation, claimedBy, answer, answeredBy, answeredAt } = task;
  return { title, description, context, assignee, priority, status, dueAt, escalation, claimedBy, answer, answeredBy, answeredAt };
}

function change(task: HumanTask, actor: Actor, action: HumanTaskAction, now: number, next: Partial<HumanTaskState>, detail?: JsonObject): HumanTaskChange {
  return { next: { ...stateOf(task), ...next }, entry: { at: now, actor: actor.id, action, ...(detail && { detail }) } };
}

function requireLive(task: HumanTask, action: string): void {
  if (!(live as readonly string[]).includes(task.status)) throw humanTaskStateError(task, action);
}

function requireEligible(task: HumanTask, actor: Actor, action: string): void {
  if (!isEligible(task, actor)) throw notEligibleError(task, actor, action);
}

/** Someone else's claim blocks everyone but its holder and admins. */
function requireNotClaimedByOther(task: HumanTask, actor: Actor, action: string): void {
  if (task.status === 'claimed' && task.claimedBy !== actor.id && !actor.admin) throw humanTaskStateError(task, action);
}

export function claim(actor: Actor, now: number): Decide {
  return function claimDecision(task) {
    if (task.status !== 'open') throw humanTaskStateError(task, 'claim');
    requireEligible(task, actor, 'claim');
    return change(task, actor, 'claimed', now, { status: 'claimed', claimedBy: actor.id });
  };
}

export function release(actor: Actor, now: number): Decide {
  return function releaseDecision(task) {
    if (task.status !== 'claimed') throw humanTaskStateError(task, 'release');
    if (task.claimedBy !== actor.id && !actor.admin) throw notEligibleError(task, actor, 'release');
    return change(task, actor, 'released', now, { status: 'open', claimedBy: undefined }, { claimedBy: task.claimedBy ?? null });
  };
}

export function reassign(actor: Actor, to: Assignee, now: number): Decide {
  return function reassignDecision(task) {
    requireLive(task, 'reassign');
    requireEligible(task, actor, 'reassign');
    requireNotClaimedByOther(task, actor, 'reassign');
    const detail = { from: formatAssignee(task.assignee), to: formatAssignee(to) };
    return change(task, actor, 'reassigned', now, { status: 'open', assignee: to, claimedBy: undefined }, detail);
  };
}

/** Validates the answer against the task's form; a bad one is E_FORM_INVALID and the task stays open. */
export function answer(actor: Actor, given: unknown, now: number): Decide {
  return function answerDecision(task) {
    requireLive(task, 'answer');
    requireEligible(task, actor, 'answer');
    requireNotClaimedByOther(task, actor, 'answer');
    const value = validateAnswer(task.form, given);
    return change(task, actor, 'answered', now, { status: 'completed', answer: value, answeredBy: actor.id, answeredAt: now, claimedBy: undefined }, { answer: value });
  };
}

/** The SLA ran out (the system decides; nobody is eligible or not). */
export function expire(actor: Actor, now: number): Decide {
  return function expireDecision(task) {
    requireLive(task, 'expire');
    return change(task, actor, 'expired', now, { status: 'expired', claimedBy: undefined });
  };
}

/** Who created the task, or an admin, may cancel it. */
export function cancel(actor: Actor, now: number, reason?: string): Decide {
  return function cancelDecision(task) {
    requireLive(task, 'cancel');
    if (!actor.admin && task.history[0]?.actor !== actor.id) throw notEligibleError(task, actor, 'cancel');
    return change(task, actor, 'cancelled', now, { status: 'cancelled', claimedBy: undefined }, reason === undefined ? undefined : { reason });
  };
}

/**
 * Records that SLA step `step` fired (the system decides). Only the step the task is at may fire,
 * so a timer that fires twice (two processes, a retry) changes the task once: the second gets
 * E_HUMAN_TASK_STATE. A new assignee drops any claim; a new priority replaces the old.
 */
export function escalate(actor: Actor, step: number, now: number, effect: { priority?: HumanTaskPriority; assignee?: Assignee } = {}): Decide {
  return function escalateDecision(task) {
    requireLive(task, 'escalate');
    if (task.escalation.step !== step) throw humanTaskStateError(task, `fire escalation step ${step} of`);
    const reassigned = effect.assignee !== undefined;
    const detail: JsonObject = { step, ...(effect.priority && { priority: effect.priority }), ...(effect.assignee && { to: formatAssignee(effect.assignee) }) };
    return change(task, actor, 'escalated', now, {
      escalation: { step: step + 1, lastFiredAt: now },
      ...(effect.priority && { priority: effect.priority }),
      ...(reassigned && { assignee: effect.assignee, status: 'open', claimedBy: undefined }),
    }, detail);
  };
}
