import { systemRandom } from '../../core/clock.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { backoffDelay, defaultBackoff, isRetryPresetName, RetryPresets, type RetryPreset, type RetryPresetName } from '../../engine/retry/backoff.js';
import type { JsonValue } from '../../store/human-task-types.js';
import type { JournalEntry } from '../../store/workflow-types.js';
import type { DurableCall } from './journal-match.js';
import { requireJson } from './json-result.js';
import { StepError, toWorkflowError } from './step-error.js';
import type { WorkflowRun } from './workflow-run.js';

/** Retries before an error is journaled: a pipeline retry preset (`standard`, `patient`…) or attempts and backoff. */
export type RetryOption = RetryPresetName | RetryPreset;

/**
 * The shape step(), agent() and pipeline() share: at a new position run `fn` (with retries), journal
 * its JSON result or its error, and answer from that entry, the same way on every replay. `fn` may
 * stop the run (run.stop) instead of returning: then nothing is journaled and the halt is thrown.
 */
export async function journaledCall<T>(run: WorkflowRun, call: DurableCall, fn: (position: number) => Promise<T> | T, retry?: RetryOption, prepare?: () => void): Promise<T> {
  return run.call(async () => {
    const { position, entry } = run.next(call);
    if (entry) return answer<T>(call.name, entry);
    await run.beginNew();
    // A missing port is the worker's setup, not the call's outcome: thrown, never journaled.
    prepare?.();
    const outcome = await attempt(run, `${call.kind} "${call.name}"`, () => fn(position), preset(retry));
    if (run.halt) throw run.halt;
    return answer<T>(call.name, await run.journalAt(position, { ...call, ...outcome }));
  });
}

type Outcome = { result: JsonValue } | { error: ReturnType<typeof toWorkflowError> };

async function attempt(run: WorkflowRun, label: string, fn: () => unknown, retry: RetryPreset): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { result: requireJson(await fn(), label) };
    } catch (error) {
      // A result that is not JSON is the code's mistake, not a passing failure: no retry. Nor is a halt.
      const retryable = !run.halt && !(error instanceof Error && (error as { code?: unknown }).code === 'E_WORKFLOW_STEP_RESULT');
      if (!retryable || attempt >= retry.maxAttempts) return { error: toWorkflowError(error) };
      await run.deps.clock.sleep(backoffDelay(retry.backoff, attempt, run.deps.random ?? systemRandom));
    }
  }
}

function answer<T>(name: string, entry: Pick<JournalEntry, 'result' | 'error'>): T {
  if (entry.error) throw new StepError(name, entry.error);
  return entry.result as T;
}

function preset(retry: RetryOption | undefined): RetryPreset {
  if (retry === undefined) return { maxAttempts: 1, backoff: defaultBackoff };
  if (typeof retry === 'string') {
    if (!isRetryPresetName(retry)) throw new OrchestraError(ErrorCode.USAGE, `unknown retry preset "${String(retry)}"`, { hint: `Use one of: ${Object.keys(RetryPresets).join(', ')}.` });
    return RetryPresets[retry];
  }
  return retry;
}
