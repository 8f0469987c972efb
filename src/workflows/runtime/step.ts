import { defaultBackoff, backoffDelay, isRetryPresetName, RetryPresets, type RetryPreset, type RetryPresetName } from '../../engine/retry/backoff.js';
import { systemRandom } from '../../core/clock.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { JsonValue } from '../../store/human-task-types.js';
import type { WorkflowContext } from '../definition.js';
import { requireJson } from './json-result.js';
import { StepError, toWorkflowError } from './step-error.js';
import { runOf } from './workflow-run.js';

/** How a {@link step} retries. */
export interface StepOptions {
  /** Retries before the error is journaled: a pipeline retry preset (`standard`, `patient`…) or attempts and backoff. */
  retry?: RetryPresetName | RetryPreset;
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
  const run = runOf(ctx);
  return run.call(async () => {
    const { position, entry } = run.next({ kind: 'step', name });
    if (!entry) {
      await run.beginNew();
      const outcome = await attempt(name, fn, preset(options.retry), (ms) => run.deps.clock.sleep(ms), run.deps.random ?? systemRandom);
      if (run.halt) throw run.halt;
      const written = await run.journalAt(position, { kind: 'step', name, ...outcome });
      return answer(name, written);
    }
    return answer(name, entry);
  });
}

type Outcome = { result: JsonValue } | { error: ReturnType<typeof toWorkflowError> };

async function attempt(name: string, fn: () => unknown, retry: RetryPreset, sleep: (ms: number) => Promise<void>, random: () => number): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { result: requireJson(await fn(), `step "${name}"`) };
    } catch (error) {
      // A result that is not JSON is the code's mistake, not a passing failure: no retry.
      const retryable = !(error instanceof Error && (error as { code?: unknown }).code === 'E_WORKFLOW_STEP_RESULT');
      if (!retryable || attempt >= retry.maxAttempts) return { error: toWorkflowError(error) };
      await sleep(backoffDelay(retry.backoff, attempt, random));
    }
  }
}

function answer<T>(name: string, entry: { result?: JsonValue; error?: ReturnType<typeof toWorkflowError> }): T {
  if (entry.error) throw new StepError(name, entry.error);
  return entry.result as T;
}

function preset(retry: StepOptions['retry']): RetryPreset {
  if (retry === undefined) return { maxAttempts: 1, backoff: defaultBackoff };
  if (typeof retry === 'string') {
    if (!isRetryPresetName(retry)) throw new OrchestraError(ErrorCode.USAGE, `unknown retry preset "${String(retry)}"`, { hint: `Use one of: ${Object.keys(RetryPresets).join(', ')}.` });
    return RetryPresets[retry];
  }
  return retry;
}
