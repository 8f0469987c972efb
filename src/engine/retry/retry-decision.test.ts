import { describe, expect, it } from 'vitest';
import { retriesFailOutcomes, wantsRetry, type AttemptEnding } from './retry-decision.js';

describe('issue 9: the retry decision', () => {
  const fail: AttemptEnding = { kind: 'outcome', status: 'fail' };
  it.each<[string, AttemptEnding, boolean, boolean, boolean]>([
    ['RETRY always asks again', { kind: 'outcome', status: 'retry' }, false, false, true],
    ['FAIL without retries of failures stops', fail, false, false, false],
    ['FAIL with retries of failures asks again', fail, true, false, true],
    ['SUCCESS never asks again', { kind: 'outcome', status: 'success' }, true, true, false],
    ['PARTIAL_SUCCESS never asks again', { kind: 'outcome', status: 'partial_success' }, true, true, false],
    ['a transient error asks again', { kind: 'error', retryable: true }, false, false, true],
    ['a permanent error stops, even with retries of FAIL', { kind: 'error', retryable: false }, true, false, false],
    ['a permanent error asks again with retry_on_fail', { kind: 'error', retryable: false }, true, true, true],
  ])('issue 9: %s', (_name, ending, retryOnFail, retryErrors, expected) => {
    expect(wantsRetry(ending, { retryOnFail, retryErrors })).toBe(expected);
  });

  it.each<[string, boolean | undefined, boolean, boolean | undefined, boolean]>([
    ['nothing set: FAIL is not retried (decision 1)', undefined, false, undefined, false],
    ['explicit max_retries retries FAIL (§11.5)', undefined, true, undefined, true],
    ['explicit max_retries beats default_retry_on_fail=false', undefined, true, false, true],
    ['retry_on_fail=false on the node beats its max_retries', false, true, undefined, false],
    ['retry_on_fail=true without max_retries', true, false, undefined, true],
    ['graph default_retry_on_fail=true', undefined, false, true, true],
  ])('issue 9: %s', (_name, nodeRetryOnFail, setsMaxRetries, graphRetryOnFail, expected) => {
    expect(retriesFailOutcomes(nodeRetryOnFail, setsMaxRetries, graphRetryOnFail)).toBe(expected);
  });
});
