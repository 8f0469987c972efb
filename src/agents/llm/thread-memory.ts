import type { ModelMessage } from 'ai';
import type { AgentRequest } from '../backend.js';

/**
 * Conversations kept for `fidelity=full` (decision 17): nodes sharing a thread id in one run
 * continue the same message history. Held in memory by one backend instance; after a resume the
 * engine runs the first `full` node at `summary:high`, so nothing here needs to survive a restart.
 */
export interface ThreadMemory {
  /** The history for this request's thread; empty when it has none or is not `full`. */
  history(request: AgentRequest): ModelMessage[];
  remember(request: AgentRequest, messages: readonly ModelMessage[]): void;
}

export function createThreadMemory(): ThreadMemory {
  const threads = new Map<string, ModelMessage[]>();
  const keyOf = (request: AgentRequest) =>
    request.fidelity === 'full' && request.threadId !== undefined ? `${request.runId}\u0000${request.threadId}` : undefined;
  return {
    history(request) {
      const key = keyOf(request);
      return key === undefined ? [] : [...(threads.get(key) ?? [])];
    },
    remember(request, messages) {
      const key = keyOf(request);
      if (key !== undefined) threads.set(key, [...messages]);
    },
  };
}
