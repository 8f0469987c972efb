/** The wire formats the fake server speaks; a script entry may be limited to one of them. */
export const Endpoint = {
  anthropicMessages: 'anthropic-messages',
  openaiChat: 'openai-chat',
  openaiResponses: 'openai-responses',
  gemini: 'gemini',
} as const;
export type Endpoint = (typeof Endpoint)[keyof typeof Endpoint];

export interface ScriptedToolCall {
  name: string;
  input: Record<string, unknown>;
  /** Defaults to a deterministic id derived from the request number and the call's position. */
  id?: string;
  /**
   * A freeform tool's raw input (Codex's `apply_patch` takes a patch, not JSON): sent as a Responses
   * `custom_tool_call` with this text, and `input` is not used. Other endpoints ignore it.
   */
  freeform?: string;
}

export interface ScriptedError {
  status: number;
  /** Seconds; sent as the Retry-After header (fractions allowed so tests stay fast). */
  retryAfter?: number;
  message?: string;
}

export interface TextTurn {
  text: string;
  toolCalls?: undefined;
  error?: undefined;
}
export interface ToolCallTurn {
  toolCalls: ScriptedToolCall[];
  text?: string;
  error?: undefined;
}
export interface ErrorTurn {
  error: ScriptedError;
  text?: undefined;
  toolCalls?: undefined;
}
/** One model response. */
export type StaticTurn = TextTurn | ToolCallTurn | ErrorTurn;
/** A response, or a function choosing it from the request (e.g. to answer a title request). */
export type Turn = StaticTurn | ((request: RecordedRequest) => StaticTurn);

export interface ScriptOptions {
  endpoint?: Endpoint;
  model?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names; authentication values are replaced by '<redacted>'. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none (or it was not JSON). */
  body: unknown;
  /** Length of the raw body text; the base of the deterministic input token count. */
  bodyLength: number;
  endpoint?: Endpoint;
  model?: string;
  stream: boolean;
}

export interface FakeModelServerOptions {
  /**
   * Answers any request no scripted turn matches, and is never used up; a function here can play a
   * whole agent conversation by looking at each request. Defaults to the text "ok".
   */
  fallback?: Turn;
}

export interface FakeModelServer {
  /** http://127.0.0.1:PORT (what Claude Code's ANTHROPIC_BASE_URL wants). */
  url: string;
  port: number;
  /** url + '/v1' (what the AI SDK's createAnthropic wants). */
  anthropicBaseUrl: string;
  /** url + '/v1' (what createOpenAI / openai-compatible want). */
  openaiBaseUrl: string;
  /** Appends turns; consumed in order, most specific matching filter first. */
  script(turns: Turn[], options?: ScriptOptions): void;
  /** Turns scripted but not yet consumed. */
  readonly remaining: number;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /**
   * Holds the answer to the next model request (recorded on arrival) until `release()`: a model slow
   * to answer, so a test can kill whatever waits for it. Released after its client went away, it
   * is not answered and uses no scripted turn. Later requests are not held.
   */
  holdNext(): HeldAnswer;
  close(): Promise<void>;
}

export interface HeldAnswer {
  /** The held request, once it arrives. */
  arrived: Promise<RecordedRequest>;
  release(): void;
}
