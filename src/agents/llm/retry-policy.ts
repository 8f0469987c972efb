import { APICallError } from 'ai';
import type { Random } from '../../core/clock.js';

/** Our retries are the only ones: the AI SDK's are switched off (maxRetries: 0) wherever we call it. */
export const retryLimits = { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 } as const;

export const FailureKind = { transient: 'transient', auth: 'auth', fatal: 'fatal' } as const;
export type FailureKind = (typeof FailureKind)[keyof typeof FailureKind];

export interface ProviderFailure {
  kind: FailureKind;
  /** The HTTP status, when the provider answered at all. */
  status: number | undefined;
  /** What the provider asked us to wait (Retry-After), when it said. */
  retryAfterMs: number | undefined;
  message: string;
}

/**
 * What a failed model call means: 429, 5xx and network failures are transient; 401 and 403 are
 * authentication problems that no retry fixes; everything else (400, 404, bad responses) is fatal.
 */
export function classifyProviderError(error: unknown, now: number): ProviderFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!APICallError.isInstance(error)) return { kind: 'fatal', status: undefined, retryAfterMs: undefined, message };
  const status = error.statusCode;
  const retryAfterMs = parseRetryAfter(error.responseHeaders ?? {}, now);
  if (status === 401 || status === 403) return { kind: 'auth', status, retryAfterMs, message };
  const transient = status === undefined ? error.isRetryable : status === 408 || status === 429 || status >= 500;
  return { kind: transient ? 'transient' : 'fatal', status, retryAfterMs, message };
}

/**
 * `retry-after-ms` (OpenAI), else `retry-after` as seconds or an HTTP date; undefined when absent
 * or unreadable.
 */
export function parseRetryAfter(headers: Readonly<Record<string, string>>, now: number): number | undefined {
  const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const text = lower['retry-after']?.trim();
  if (text === undefined || text === '') return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1_000 : undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (1-based). Retry-After wins when the provider sent
 * it; otherwise exponential backoff (1 s, 2 s, 4 s, ...) with jitter of up to half the delay, so
 * parallel branches hitting the same limit do not retry in lockstep. Never more than 60 s.
 */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, random: Random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, retryLimits.maxDelayMs);
  const backoff = retryLimits.baseDelayMs * 2 ** (retry - 1);
  const jittered = backoff * (0.5 + random() * 0.5);
  return Math.min(Math.round(jittered), retryLimits.maxDelayMs);
}
