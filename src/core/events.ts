/**
 * The typed event stream of a run (Attractor §9.6, plus the events §29.22 says are missing).
 * Every event is written to the store before it is announced, so `attach` and the dashboard
 * read the same sequence the running process saw. `seq` is per run, from 1, without gaps.
 */
export type StageStatus = 'success' | 'partial_success' | 'retry' | 'fail' | 'skipped';

interface EventBase {
  runId: string;
  /** Per-run sequence number, assigned by the store. */
  seq: number;
  /** Unix epoch milliseconds, from the engine's clock. */
  at: number;
  /**
   * Set on events from inside a parallel branch: `<parallel node>/<first node>`, nested joined by
   * `/`. (Not `branch`: the parallel.branch.* events use that name for the branch they describe.)
   */
  inBranch?: string;
}

export type RunEventBody =
  | { type: 'run.started'; pipeline: string; file: string; goal: string; resumed: boolean; fromCheckpoint?: number }
  | { type: 'run.completed'; status: StageStatus; durationMs: number; notes?: string; artifactCount: number }
  | { type: 'run.failed'; error: string; code?: string; durationMs: number; node?: string }
  | { type: 'run.interrupted'; reason: string; node?: string }
  | { type: 'node.started'; node: string; index: number; handler: string; attempt: number }
  | { type: 'node.completed'; node: string; index: number; status: StageStatus; durationMs: number; notes?: string; failureReason?: string }
  | { type: 'node.failed'; node: string; index: number; error: string; willRetry: boolean; attempt: number }
  | { type: 'node.retrying'; node: string; index: number; attempt: number; delayMs: number; error?: string }
  | { type: 'edge.selected'; from: string; to: string; label?: string; reason: EdgeSelectionReason }
  | { type: 'goal_gate.redirect'; gate: string; target: string }
  | { type: 'loop.restarted'; from: string; to: string; count: number }
  | { type: 'parallel.started'; node: string; branchCount: number; joinPolicy: string; maxParallel: number }
  | { type: 'parallel.branch.started'; node: string; branch: string; index: number }
  | { type: 'parallel.branch.completed'; node: string; branch: string; index: number; durationMs: number; status: StageStatus; success: boolean }
  | { type: 'parallel.completed'; node: string; durationMs: number; successCount: number; failureCount: number }
  | { type: 'interview.started'; node: string; question: string; options: Array<{ key: string; label: string }> }
  | { type: 'interview.completed'; node: string; question: string; answer: string; durationMs: number }
  | { type: 'interview.timeout'; node: string; question: string; durationMs: number }
  /**
   * One turn of an interactive node's conversation (issue 10), stored before it is shown: the
   * transcript of visit `visit` is these events in order. `end` and `choice` (an edge target) are
   * set on the person's turn that ended the chat.
   */
  | { type: 'chat.turn'; node: string; visit: string; attempt: number; turn: number; role: 'model' | 'person'; text: string; by?: string; end?: boolean; choice?: string }
  | { type: 'tool.output'; node: string; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'checkpoint.saved'; node: string; checkpoint: number }
  | { type: 'manager.cycle'; node: string; cycle: number; childStatus: string }
  /** `commits`: every workspace repo's HEAD after the turn's commit (issue 14), what `resume --turn` goes back to. */
  | { type: 'agent.turn'; node: string; turn: number; inputTokens: number; outputTokens: number; costUsd: number; toolCalls: Array<{ name: string; isError: boolean; skippedByHook: boolean }>; commits?: Record<string, string> }
  /** What a node's agent is doing now, in a few words (`tool Bash`, `api_retry 6/10`); sent when it changes. */
  | { type: 'agent.activity'; node: string; activity: string }
  | { type: 'log'; level: 'info' | 'warn'; message: string; node?: string }
  /** The run's session worktrees (issue 14): per repo its branch, worktree and HEAD; `resumed` on resume. */
  | { type: 'workspace.opened'; repos: Record<string, WorkspaceRepoState>; resumed: boolean }
  /** Work found after the checkpoint a resumed run goes back to, kept on a rescue ref (issue 14). */
  | { type: 'workspace.rescued'; repo: string; ref: string; sha: string }
  | { type: 'workspace.pushed'; repo: string; branch: string; on: 'checkpoint' | 'completion' }
  /** Reported, never failing the run; the push is retried at the next one. */
  | { type: 'workspace.push_failed'; repo: string; branch: string; on: 'checkpoint' | 'completion'; error: string };

export interface WorkspaceRepoState {
  branch: string;
  path: string;
  sha: string;
}

export type EdgeSelectionReason = 'condition' | 'preferred_label' | 'suggested_id' | 'weight' | 'lexical' | 'goal_gate' | 'retry_target';

export type RunEvent = EventBase & RunEventBody;
export type RunEventType = RunEvent['type'];

/** Terminal events: after one of these, a run's event stream ends. */
export function isTerminalEvent(event: Pick<RunEvent, 'type'>): boolean {
  return event.type === 'run.completed' || event.type === 'run.failed' || event.type === 'run.interrupted';
}
