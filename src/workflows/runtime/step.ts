import { defaultBackoff, backoffDelay, isRetryPresetName, RetryPresets, type RetryPreset, type RetryPresetName } from '../../engine/retry/backoff.js';
import { systemRandom } from '../../core/clock.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { JsonValue } from '../../store/human-task-types.js';
import type { WorkflowContext } from '../definition.js';
import { requireJson } from './json-result.js';
import { StepError, toWorkflowError } from './step-error.js';
import { runOf } from './workflow-run.js';

export interface StepOptions {
  /** Retries before the error is journaled: a pipeline retry preset (`standard`, `patient`…) or attempts and backoff. */
  retry?: RetryPresetName | RetryPreset;
}

/**
 * Runs `fn` once and journals its result before the workflow goes on; a replay answers from the
 * journal without running it. The result must be JSON (E_WORKFLOW_STEP_RESULT otherwise). An error
 * is journaled too, after the retries: the step then throws a StepError with its name, message and
 * code, on the first run and on every replay alike.
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
