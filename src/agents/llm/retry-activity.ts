import type { AgentRequest } from '../backend.js';
import { retryLimits } from './retry-policy.js';
import type { RetryContext } from './with-retries.js';

/** The retry callback, also telling the run what the node is doing (`api_retry 2/3`) for its live line. */
export function withRetryActivity(onRetry: NonNullable<RetryContext['onRetry']>, request: Pick<AgentRequest, 'emit' | 'node'>): NonNullable<RetryContext['onRetry']> {
  return function retryWithActivity(info) {
    onRetry(info);
    const status = info.failure.status === undefined ? '' : ` (HTTP ${info.failure.status})`;
    void request.emit?.({ type: 'agent.activity', node: request.node.id, activity: `api_retry ${info.retry}/${retryLimits.maxRetries}${status}` }).catch(() => undefined);
  };
}
