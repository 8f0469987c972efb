import type { Clock, Random } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { classifyProviderError, retryDelayMs, retryLimits, type ProviderFailure } from './retry-policy.js';

/** What a retried call needs to know to wait and to name what failed. */
export interface RetryContext {
  provider: string;
  model: string;
  /** The variable the key came from, named in authentication hints. */
  apiKeyEnv: string | undefined;
  clock: Clock;
  random: Random;
  signal: AbortSignal;
  /** Told before each wait, for logs. */
  onRetry?: (info: { retry: number; delayMs: number; failure: ProviderFailure }) => void;
}

/** A model provider failed (not the key: that is E_CONFIG): bad model id, outage, rate limit. */
const providerErrorCode = ErrorCode.PROVIDER;

/**
 * Runs `call` and retries transient provider failures (429, 5xx, network) up to three times,
 * waiting on the injected clock. Authentication failures throw at once with a hint naming the
 * key's variable. A failure that outlasts the retries is marked `retryable`, so the node's own
 * retry budget may still take it.
 */
export async function withProviderRetries<T>(call: () => Promise<T>, context: RetryContext): Promise<T> {
  for (let retry = 1; ; retry += 1) {
    try {
      return await call();
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason ?? error;
      const failure = classifyProviderError(error, context.clock.now());
      if (failure.kind === 'auth') throw authError(context, failure, error);
      if (failure.kind === 'fatal') throw fatalError(context, failure, error);
      if (retry > retryLimits.maxRetries) throw exhaustedError(context, failure, error);
      const delayMs = retryDelayMs(retry, failure.retryAfterMs, context.random);
      context.onRetry?.({ retry, delayMs, failure });
      await context.clock.sleep(delayMs, context.signal);
    }
  }
}

function authError(context: RetryContext, failure: ProviderFailure, cause: unknown): OrchestraError {
  const key = context.apiKeyEnv ?? 'the provider\'s API key variable';
  return new OrchestraError(ErrorCode.CONFIG, `Provider "${context.provider}" refused the request for model "${context.model}" with ${failure.status} (${failure.message}).`, {
    hint: `Check the key in ${key}: it must be valid for this provider and allowed to use "${context.model}".`,
    cause,
  });
}

function fatalError(context: RetryContext, failure: ProviderFailure, cause: unknown): OrchestraError {
  const status = failure.status === undefined ? '' : ` with ${failure.status}`;
  return new OrchestraError(providerErrorCode, `Provider "${context.provider}" failed for model "${context.model}"${status}: ${failure.message}`, {
    hint: 'Check the model id and the provider\'s base URL in orchestra.yaml; `orchestra doctor` checks that base URLs answer.',
    cause,
  });
}

function exhaustedError(context: RetryContext, failure: ProviderFailure, cause: unknown): OrchestraError {
  const status = failure.status === undefined ? 'a network error' : String(failure.status);
  const error = new OrchestraError(
    providerErrorCode,
    `Provider "${context.provider}" kept failing for model "${context.model}" (${status}: ${failure.message}); gave up after ${retryLimits.maxRetries} retries.`,
    { hint: 'The provider is rate-limiting or down; wait and resume the run, or give the node max_retries.', cause },
  );
  return Object.assign(error, { retryable: true });
}

/** An onRetry that logs each wait as a warning naming the node and provider. */
export function retryLogger(logger: Logger, nodeId: string, provider: string): NonNullable<RetryContext['onRetry']> {
  return ({ retry, delayMs, failure }) => logger.warn(`node ${nodeId}: provider "${provider}" failed (${failure.message}); retry ${retry} in ${delayMs} ms`);
}
