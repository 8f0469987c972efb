/**
 * Which CLI session holds each thread's conversation, so that a later node with fidelity `full` in
 * the same thread resumes it (`{resume_id}`). Keyed by run, profile and thread: a session belongs
 * to one CLI, and threads of different runs never share one.
 */
export interface SessionRegistry {
  get(runId: string, profile: string, threadId: string): string | undefined;
  set(runId: string, profile: string, threadId: string, sessionId: string): void;
}

export function createSessionRegistry(): SessionRegistry {
  const sessions = new Map<string, string>();
  const key = (runId: string, profile: string, threadId: string): string => [runId, profile, threadId].join('\u0000');
  return {
    get: (runId, profile, threadId) => sessions.get(key(runId, profile, threadId)),
    set: (runId, profile, threadId, sessionId) => void sessions.set(key(runId, profile, threadId), sessionId),
  };
}
