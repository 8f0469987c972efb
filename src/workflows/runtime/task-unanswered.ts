import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { JsonObject } from '../../store/human-task-types.js';

/**
 * What {@link task} throws when its human task ends without an answer: it expired (its SLA's
 * escalation chain ended in `expire`) or it was cancelled. Thrown from the journal, so the first
 * run and every replay see the same error. Uncaught, it fails the workflow with
 * `E_WORKFLOW_TASK_UNANSWERED`; catch it to take another path.
 *
 * @example
 * ```ts
 * try {
 *   const review = await task(ctx, { title: 'Approve?', form: { ok: { type: 'boolean', required: true } } });
 *   return review.data.ok;
 * } catch (error) {
 *   if (error instanceof TaskUnansweredError) return false; // nobody answered in time
 *   throw error;
 * }
 * ```
 */
export class TaskUnansweredError extends OrchestraError {
  /** The task()'s journal name (its title unless `name` was given). */
  readonly task: string;
  /** How the task ended. */
  readonly status: 'expired' | 'cancelled';
  /** Whatever partial answer the task had when it ended (usually none). */
  readonly data: JsonObject;

  constructor(task: string, status: 'expired' | 'cancelled', data: JsonObject) {
    super(ErrorCode.WORKFLOW_TASK_UNANSWERED, `human task "${task}" ${status === 'expired' ? 'expired' : 'was cancelled'} without an answer`, {
      hint: 'Catch TaskUnansweredError around task() to take another path, or give the task an SLA escalation that ends with a default answer.',
    });
    this.task = task;
    this.status = status;
    this.data = data;
  }
}
