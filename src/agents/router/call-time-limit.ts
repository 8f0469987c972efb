import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { formatDuration } from '../../core/duration.js';
import { readDurationMs } from '../../pipeline/graph/attr-read.js';
import type { AgentRequest } from '../backend.js';

/** How long a model or agent call may run when neither the node nor the graph sets a timeout. */
export const DEFAULT_CALL_TIMEOUT_MS = 30 * 60_000;

/**
 * Runs `call` with a signal that also aborts after the default limit, unless the pipeline already
 * limits the node (its `timeout` or the graph's `default_timeout`, which the engine enforces).
 * Backends stop their work (and kill their processes) when the signal aborts.
 */
export async function withCallTimeLimit<T>(request: AgentRequest, call: (request: AgentRequest) => Promise<T>, limitMs = DEFAULT_CALL_TIMEOUT_MS): Promise<T> {
  const limited = readDurationMs(request.node.attrs, 'timeout') !== undefined || readDurationMs(request.graph.attrs, 'default_timeout') !== undefined;
  if (limited) return call(request);
  const reason = new OrchestraError(ErrorCode.NODE_TIMEOUT, `Node "${request.node.id}" timed out after ${formatDuration(limitMs)} (the default limit for model and agent calls).`, {
    hint: 'Give the node a timeout attribute (or the graph a default_timeout) if it needs longer.',
  });
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(reason), limitMs);
  handle.unref?.();
  try {
    return await call({ ...request, signal: AbortSignal.any([request.signal, timer.signal]) });
  } catch (error) {
    throw timer.signal.aborted ? reason : error;
  } finally {
    clearTimeout(handle);
  }
}
