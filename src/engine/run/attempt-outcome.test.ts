import { describe, expect, it } from 'vitest';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { formatTimeout, judgeAttempt } from './attempt-outcome.js';
import type { AttemptResult } from './run-attempt.js';

describe('judgeAttempt', () => {
  it.each<[string, AttemptResult, boolean, unknown]>([
    ['a returned outcome is kept', { kind: 'returned', outcome: { status: 'retry' } }, false, { kind: 'outcome', outcome: { status: 'retry' } }],
    ['abort stays abort', { kind: 'aborted' }, false, { kind: 'aborted' }],
    ['decision 19: timeout is FAIL', { kind: 'timed_out', timeoutMs: 2_000 }, false, { kind: 'outcome', outcome: { status: 'fail', failureReason: 'timed out after 2s' } }],
    ['issue 9: a timeout names the agent\'s last activity', { kind: 'timed_out', timeoutMs: 600_000, activity: 'api_retry 6/10' }, false, { kind: 'outcome', outcome: { status: 'fail', failureReason: 'timed out after 10m (the agent\'s last activity: api_retry 6/10)' } }],
    ['a thrown error is FAIL with its message', { kind: 'threw', error: new Error('boom') }, false, { kind: 'error', outcome: { status: 'fail', failureReason: 'boom' }, retryable: false }],
    ['retryable errors are marked', { kind: 'threw', error: Object.assign(new Error('429'), { retryable: true }) }, false, { kind: 'error', outcome: { status: 'fail', failureReason: '429' }, retryable: true }],
    ['a thrown string', { kind: 'threw', error: 'bad' }, false, { kind: 'error', outcome: { status: 'fail', failureReason: 'bad' }, retryable: false }],
    [
      'an OrchestraError keeps its code',
      { kind: 'threw', error: new OrchestraError(ErrorCode.TOOL_NOT_FOUND, 'no such tool') },
      false,
      { kind: 'error', outcome: { status: 'fail', failureReason: 'no such tool [E_TOOL_NOT_FOUND]' }, retryable: false },
    ],
    [
      'decision 18: no outcome fails without auto_status',
      { kind: 'returned', outcome: undefined },
      false,
      { kind: 'outcome', outcome: { status: 'fail', failureReason: 'The handler of node "n" returned no outcome (set auto_status=true to treat that as success)' } },
    ],
    [
      'decision 18: no outcome with auto_status is SUCCESS',
      { kind: 'returned', outcome: undefined },
      true,
      { kind: 'outcome', outcome: { status: 'success', notes: 'auto-status: handler completed without writing status' } },
    ],
  ])('%s', (_name, result, autoStatus, expected) => {
    expect(judgeAttempt(result, 'n', autoStatus)).toEqual(expected);
  });
});

describe('formatTimeout', () => {
  it.each([
    [250, '250ms'],
    [2_000, '2s'],
    [1_500, '1.5s'],
    [90_000, '1m30s'],
    [900_000, '15m'],
    [7_200_000, '2h00m00s'],
  ])('%d → %s', (ms, text) => {
    expect(formatTimeout(ms)).toBe(text);
  });
});
