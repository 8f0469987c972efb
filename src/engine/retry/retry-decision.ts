import type { StageStatus } from '../../core/events.js';

/** How an attempt ended, as far as the retry decision cares. */
export type AttemptEnding = { kind: 'error'; retryable: boolean } | { kind: 'outcome'; status: StageStatus };

/** RetryPolicy's switches, named here since retry-policy.ts imports this module (no import cycles). */
export interface RetrySwitches {
  retryOnFail: boolean;
  retryErrors: boolean;
}

/**
 * Whether an attempt asks for another one (attempts left are the caller's check): RETRY always;
 * FAIL when the node retries failures (`retry_on_fail`, or an explicit `max_retries`, §11.5);
 * a thrown error when it is transient or the node opted in with `retry_on_fail`.
 */
export function wantsRetry(ending: AttemptEnding, policy: RetrySwitches): boolean {
  if (ending.kind === 'error') return ending.retryable || policy.retryErrors;
  if (ending.status === 'retry') return true;
  return ending.status === 'fail' && policy.retryOnFail;
}

/**
 * Decision 1 with §11.5: a node that sets `max_retries` itself wants its FAIL outcomes retried,
 * unless it says `retry_on_fail=false`; otherwise the graph's `default_retry_on_fail` decides.
 */
export function retriesFailOutcomes(nodeRetryOnFail: boolean | undefined, nodeSetsMaxRetries: boolean, graphRetryOnFail: boolean | undefined): boolean {
  return nodeRetryOnFail ?? (nodeSetsMaxRetries || (graphRetryOnFail ?? false));
}
