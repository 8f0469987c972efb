import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { Actor } from './actor.js';
import { formatAssignee } from './eligibility.js';

/** The request does not fit the task's status: answered, cancelled, expired, or claimed by another. */
export function humanTaskStateError(task: HumanTask, action: string): OrchestraError {
  const why =
    task.status === 'completed' ? `it was already answered${task.answeredBy ? ` by ${task.answeredBy}` : ''}`
    : task.status === 'claimed' ? `it is claimed by ${task.claimedBy ?? 'someone'}`
    : `it is ${task.status}`;
  const hint =
    task.status === 'claimed' ? `Ask ${task.claimedBy ?? 'them'} or an admin to release it (orchestra release ${task.id}).`
    : task.status === 'open' ? 'Claim it first (orchestra claim ID), or answer it directly.'
    : `A ${task.status} task takes no more changes; \`orchestra inbox show ${task.id}\` shows its history.`;
  return new OrchestraError(ErrorCode.HUMAN_TASK_STATE, `cannot ${action} human task "${task.id}": ${why}`, { hint });
}

export function notEligibleError(task: HumanTask, actor: Actor, action: string): OrchestraError {
  return new OrchestraError(ErrorCode.NOT_ELIGIBLE, `${actor.id} may not ${action} human task "${task.id}": it is assigned to ${formatAssignee(task.assignee)}`, {
    hint: 'Only the assignee, a member of the assigned group or an admin (people.admins in orchestra.yaml) may; set ORCHESTRA_USER to act as another user.',
  });
}
