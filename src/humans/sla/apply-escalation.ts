import type { EscalationStep } from '../../store/escalation-types.js';
import { HumanTaskPriorities, type HumanTask, type HumanTaskChange, type JsonObject } from '../../store/human-task-types.js';
import { systemActor } from '../tasks/actor.js';
import { formatAssignee } from '../tasks/eligibility.js';
import { answer, cancel, expire, stateOf } from '../tasks/transitions.js';

/**
 * The change firing step `index` makes, or undefined when it must do nothing: the task is no longer
 * open or claimed, or the step is not the one due (it fired already: `task.escalation.step` moved
 * past it). That check is what makes a repeated firing harmless.
 *
 * A step records one `escalated` history entry (detail: step, and what it reassigned, raised,
 * notified, reminded) and moves `escalation` to the next step. A final step records the transition's
 * own entry instead (`answered` by system with the default answer, `expired`, `cancelled`), its
 * detail marked with the step.
 */
export function applyEscalation(task: HumanTask, index: number, now: number): HumanTaskChange | undefined {
  const step = task.escalationChain?.[index];
  if (!step || task.escalation.step !== index || (task.status !== 'open' && task.status !== 'claimed')) return undefined;
  const escalation = { step: index + 1, lastFiredAt: now };
  if (step.final) {
    const decided = finalChange(task, step, now);
    return { next: { ...decided.next, escalation }, entry: { ...decided.entry, detail: { ...decided.entry.detail, step: index, ...actionsOf(step) } } };
  }
  const next = { ...stateOf(task), escalation };
  const detail: JsonObject = { step: index, ...actionsOf(step) };
  if (step.reassign) {
    Object.assign(next, { assignee: step.reassign, status: 'open', claimedBy: undefined });
    detail.reassigned = { from: formatAssignee(task.assignee), to: formatAssignee(step.reassign) };
  }
  const priority = step.priority && higherPriority(task.priority, step.priority);
  if (priority && priority !== task.priority) {
    next.priority = priority;
    detail.priority = { from: task.priority, to: priority };
  }
  return { next, entry: { at: now, actor: systemActor.id, action: 'escalated', detail } };
}

function finalChange(task: HumanTask, step: EscalationStep, now: number): HumanTaskChange {
  const final = step.final;
  if (final?.kind === 'answer') return answer(systemActor, final.answer, now)(task);
  if (final?.kind === 'cancel') return cancel(systemActor, now, 'the SLA ran out')(task);
  return expire(systemActor, now)(task);
}

function actionsOf(step: EscalationStep): JsonObject {
  return { ...(step.notify && { notify: step.notify }), ...(step.remind && { remind: true }) };
}

function higherPriority(a: HumanTask['priority'], b: HumanTask['priority']): HumanTask['priority'] {
  return HumanTaskPriorities.indexOf(b) > HumanTaskPriorities.indexOf(a) ? b : a;
}
