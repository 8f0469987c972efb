import type { EscalationStep } from '../../store/escalation-types.js';
import type { HumanTask } from '../../store/human-task-types.js';

export interface NextEscalation {
  /** Its index in the chain: what `task.escalation.step` says fires next. */
  index: number;
  step: EscalationStep;
  /** When it fires: the task's creation plus the step's `after`. */
  at: number;
  /** Whether `at` has come by `now`. */
  due: boolean;
}

/**
 * Which step of the chain fires next and when, or undefined when none will: the task is answered,
 * expired or cancelled, or every step has fired. Steps count from the task's creation, so a step
 * fired late does not push the later ones back.
 */
export function nextEscalation(task: Pick<HumanTask, 'status' | 'createdAt' | 'escalation'>, chain: readonly EscalationStep[], now: number): NextEscalation | undefined {
  if (task.status !== 'open' && task.status !== 'claimed') return undefined;
  const index = task.escalation.step;
  const step = chain[index];
  if (!step) return undefined;
  const at = task.createdAt + step.afterMs;
  return { index, step, at, due: at <= now };
}
