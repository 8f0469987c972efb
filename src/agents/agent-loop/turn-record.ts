// Types only, importing nothing: AgentRequest (backend.ts) names them, and the LLM layer imports backend.ts.

export interface ToolCallRecord {
  id: string;
  name: string;
  input: unknown;
  /** The whole output, even when the model saw it truncated. */
  output: string;
  is_error: boolean;
  /** Set when `tool_hooks.pre` exited non-zero and the call did not run. */
  skipped_by_hook?: boolean;
  hooks?: { pre?: { exit_code: number | null; output: string }; post?: { exit_code: number | null; output: string } };
  duration_ms: number;
}

/** What `turn-NNN.json` in the stage directory holds for one model turn. */
export interface TurnRecord {
  turn: number;
  provider: string;
  model: string;
  request: { messages: number; last_message: string };
  text: string;
  finish_reason: string;
  tool_calls: ToolCallRecord[];
  usage: { input_tokens: number; output_tokens: number; cost_usd: number };
}
