import type { HumanTask } from '../../store/human-task-types.js';
import type { WorkflowTaskOutcome } from './deps.js';

/** How a workflow's task ended, as task() journals it; undefined while it is still open. */
export function taskOutcome(task: HumanTask | undefined): WorkflowTaskOutcome | undefined {
  if (!task || (task.status !== 'completed' && task.status !== 'expired' && task.status !== 'cancelled')) return undefined;
  return {
    status: task.status,
    ...(task.answer && { answer: task.answer }),
    ...(task.answeredBy !== undefined && { answeredBy: task.answeredBy }),
    ...(task.answeredAt !== undefined && { answeredAt: task.answeredAt }),
  };
}
