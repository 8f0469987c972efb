import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { classifyProviderError, parseRetryAfter, retryDelayMs } from './retry-policy.js';

const apiError = (statusCode: number | undefined, headers: Record<string, string> = {}, isRetryable = false) =>
  new APICallError({ message: `status ${statusCode}`, url: 'http://x', requestBodyValues: {}, statusCode, responseHeaders: headers, isRetryable });

describe('classifyProviderError', () => {
  it.each<[string, unknown, string, number | undefined]>([
    ['429', apiError(429, { 'retry-after': '3' }), 'transient', 3_000],
    ['500', apiError(500), 'transient', undefined],
    ['529 overloaded', apiError(529), 'transient', undefined],
    ['408', apiError(408), 'transient', undefined],
    ['401', apiError(401), 'auth', undefined],
    ['403', apiError(403), 'auth', undefined],
    ['400', apiError(400), 'fatal', undefined],
    ['404', apiError(404), 'fatal', undefined],
    ['a network failure the SDK marks retryable', apiError(undefined, {}, true), 'transient', undefined],
    ['a plain error', new Error('boom'), 'fatal', undefined],
  ])('%s', (_name, error, kind, retryAfterMs) => {
    expect(classifyProviderError(error, 0)).toMatchObject({ kind, retryAfterMs });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each<[string, Record<string, string>, number | undefined]>([
    ['seconds', { 'retry-after': '7' }, 7_000],
    ['fractional seconds', { 'Retry-After': '0.5' }, 500],
    ['retry-after-ms wins', { 'retry-after-ms': '250', 'retry-after': '7' }, 250],
    ['an HTTP date', { 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, 10_000],
    ['a date in the past', { 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }, 0],
    ['garbage', { 'retry-after': 'soon' }, undefined],
    ['negative', { 'retry-after': '-1' }, undefined],
    ['absent', {}, undefined],
  ])('%s', (_name, headers, expected) => {
    expect(parseRetryAfter(headers, now)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it.each<[string, number, number | undefined, number, number]>([
    ['first retry, least jitter', 1, undefined, 0, 500],
    ['first retry, most jitter', 1, undefined, 0.999999, 1_000],
    ['third retry', 3, undefined, 0.5, 3_000],
    ['backoff capped at 60 s', 10, undefined, 0.999999, 60_000],
    ['Retry-After honoured exactly', 1, 7_000, 0.3, 7_000],
    ['Retry-After capped at 60 s', 1, 600_000, 0.3, 60_000],
  ])('%s', (_name, retry, retryAfterMs, random, expected) => {
    expect(retryDelayMs(retry, retryAfterMs, () => random)).toBe(expected);
  });
});
