import type { HumanTask } from '../../store/human-task-types.js';
import type { Actor } from './actor.js';

export type EligibilityReason = 'admin' | 'assignee' | 'group-member' | 'unassigned';

/**
 * Who may act on a task (answer, claim, release, reassign): an admin; the assigned user; a member
 * of the assigned group; anyone in the tenant when it has no assignee. Undefined: not eligible.
 */
export function eligibility(task: Pick<HumanTask, 'assignee'>, actor: Actor): EligibilityReason | undefined {
  if (actor.admin) return 'admin';
  const assignee = task.assignee;
  if (!assignee) return 'unassigned';
  if (assignee.kind === 'user') return assignee.id === actor.id ? 'assignee' : undefined;
  return actor.groups.includes(assignee.id) ? 'group-member' : undefined;
}

export function isEligible(task: Pick<HumanTask, 'assignee'>, actor: Actor): boolean {
  return eligibility(task, actor) !== undefined;
}

/** The assignee as written on the command line: `user:ann`, `group:support-l1`. */
export function formatAssignee(assignee: HumanTask['assignee']): string {
  return assignee ? `${assignee.kind}:${assignee.id}` : 'nobody';
}
