/**
 * Test support: a local fake of the Anthropic Messages, OpenAI Chat Completions, OpenAI Responses and
 * Gemini APIs. Tests script the model's turns; the AI SDK providers and real agent CLIs talk to it.
 */
export { startFakeModelServer } from './fake-model-server.js';
export { tokensFor, usageFor } from './usage.js';
export { DEFAULT_TURN } from './turn-queue.js';
export { Endpoint } from './types.js';
export { parseSse } from './read-sse.js';
export type { SseEvent } from './read-sse.js';
export type {
  ErrorTurn,
  FakeModelServer,
  FakeModelServerOptions,
  RecordedRequest,
  ScriptedError,
  ScriptedToolCall,
  ScriptOptions,
  StaticTurn,
  TextTurn,
  ToolCallTurn,
  Turn,
} from './types.js';
