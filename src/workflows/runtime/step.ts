import type { WorkflowContext } from '../definition.js';
import { journaledCall, type RetryOption } from './journaled-call.js';
import { runOf } from './workflow-run.js';

export interface StepOptions {
  /** Retries before the error is journaled: a pipeline retry preset (`standard`, `patient`…) or attempts and backoff. */
  retry?: RetryOption;
}

/**
 * Runs `fn` once and journals its result before the workflow goes on; a replay answers from the
 * journal without running it. The result must be JSON (E_WORKFLOW_STEP_RESULT otherwise). An error
 * is journaled too, after the retries: the step then throws a StepError with its name, message and
 * code, on the first run and on every replay alike.
 */
// T is not bound to JsonValue: interfaces (which have no index signature) must be returnable; the value is checked at run time.
export async function step<T>(ctx: WorkflowContext, name: string, fn: () => Promise<T> | T, options: StepOptions = {}): Promise<T> {
  return journaledCall(runOf(ctx), { kind: 'step', name }, fn, options.retry);
}
