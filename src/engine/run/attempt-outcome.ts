import { formatDuration } from '../../core/duration.js';
import { isOrchestraError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import type { AttemptResult } from './run-attempt.js';

/** How one attempt ended, in the terms the retry loop decides on. */
export type AttemptVerdict =
  | { kind: 'outcome'; outcome: Outcome }
  /** The handler threw; `retryable` errors may use the retry budget. */
  | { kind: 'error'; outcome: Outcome; retryable: boolean }
  | { kind: 'aborted' };

export const autoStatusNote = 'auto-status: handler completed without writing status';

/**
 * Turns a raw attempt into an outcome: a thrown error is FAIL with its message, a timeout is FAIL
 * "timed out after X" (decision 19), and a missing outcome is FAIL unless the node has
 * `auto_status=true` (decision 18).
 */
export function judgeAttempt(result: AttemptResult, nodeId: string, autoStatus: boolean): AttemptVerdict {
  switch (result.kind) {
    case 'aborted':
      return result;
    case 'timed_out':
      return { kind: 'outcome', outcome: { status: 'fail', failureReason: `timed out after ${formatTimeout(result.timeoutMs)}${result.activity === undefined ? '' : ` (the agent's last activity: ${result.activity})`}` } };
    case 'threw':
      return { kind: 'error', outcome: { status: 'fail', failureReason: errorText(result.error) }, retryable: isRetryable(result.error) };
    case 'returned':
      if (result.outcome) return { kind: 'outcome', outcome: result.outcome };
      if (autoStatus) return { kind: 'outcome', outcome: { status: 'success', notes: autoStatusNote } };
      return {
        kind: 'outcome',
        outcome: { status: 'fail', failureReason: `The handler of node "${nodeId}" returned no outcome (set auto_status=true to treat that as success)` },
      };
  }
}

/** `retryable: true` on an error marks it transient (rate limits, network). */
export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}

export function errorText(error: unknown): string {
  if (isOrchestraError(error)) return `${error.message} [${error.code}]`;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Whole units read best in messages: 2s, 1m30s, 250ms. */
export function formatTimeout(ms: number): string {
  if (ms < 1_000 || ms % 1_000 !== 0) return ms < 1_000 ? `${ms}ms` : formatDuration(ms);
  const seconds = ms / 1_000;
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes < 60) return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  return formatDuration(ms);
}
