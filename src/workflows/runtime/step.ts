import type { WorkflowContext } from '../definition.js';
import { journaledCall, type RetryOption } from './journaled-call.js';
import { runOf } from './workflow-run.js';

/** How a {@link step} retries. */
export interface StepOptions {
  /** Retries before the error is journaled: a pipeline retry preset (`standard`, `patient`…) or attempts and backoff. */
  retry?: RetryOption;
}

/**
 * Runs `fn` once, durably: its result is journaled in the store (committed to disk) before the
 * workflow goes on, and returned. Put every side effect and every non-deterministic value (network
 * calls, `Date.now()`, random numbers, file reads) in a step.
 *
 * Durability: after a crash or a restart the workflow replays from the top and this call returns
 * the journaled result without running `fn` again. Only a step running at the moment of a crash may
 * run twice (its result was not journaled yet), so make side effects idempotent where you can. The
 * result must be JSON (E_WORKFLOW_STEP_RESULT naming the step otherwise). A thrown error is retried
 * per `options.retry`, then journaled too: the step throws a {@link StepError} with the same name,
 * message and code on the first run and on every replay alike.
 *
 * `name` identifies the step in the journal: renaming or reordering steps while instances are in
 * flight is detected on replay (E_WORKFLOW_NONDETERMINISM); see {@link patched}.
 *
 * @example
 * ```ts
 * const order = await step(ctx, 'load order', () => shop.order(input.orderId));
 * await step(ctx, 'refund', () => payments.refund(order.id, order.total), { retry: 'standard' });
 * ```
 */
// T is not bound to JsonValue: interfaces (which have no index signature) must be returnable; the value is checked at run time.
export async function step<T>(ctx: WorkflowContext, name: string, fn: () => Promise<T> | T, options: StepOptions = {}): Promise<T> {
  return journaledCall(runOf(ctx), { kind: 'step', name }, fn, options.retry);
}
