import type { ServerResponse } from 'node:http';
import { halves } from './reply-context.js';
import type { AnswerTurn, ReplyContext } from './reply-context.js';
import { sendJson, startEventStream, writeDataEvent } from './sse.js';

/** The Gemini API's two content calls, `POST /v1beta/models/<model>:<action>`. */
const geminiPath = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

export interface GeminiRoute {
  model: string;
  stream: boolean;
}

/** The model and streaming of a Gemini content path, or undefined for any other path. */
export function geminiRoute(path: string): GeminiRoute | undefined {
  const match = geminiPath.exec(path);
  if (match === null) return undefined;
  return { model: decodeURIComponent(match[1]!), stream: match[2] === 'streamGenerateContent' };
}

type GeminiPart = { text: string } | { functionCall: { name: string; args: Record<string, unknown>; id?: string } };

export function geminiParts(turn: AnswerTurn): GeminiPart[] {
  const parts: GeminiPart[] = [];
  if (turn.text !== undefined && turn.text !== '') parts.push({ text: turn.text });
  for (const call of turn.toolCalls ?? []) {
    parts.push({ functionCall: { name: call.name, args: call.input, ...(call.id !== undefined && { id: call.id }) } });
  }
  if (parts.length === 0) parts.push({ text: '' });
  return parts;
}

function usageMetadata(context: ReplyContext) {
  const { inputTokens, outputTokens } = context.usage;
  return { promptTokenCount: inputTokens, candidatesTokenCount: outputTokens, totalTokenCount: inputTokens + outputTokens };
}

/** One GenerateContentResponse; `finished` adds the finish reason and usage a final chunk carries. */
function geminiChunk(parts: GeminiPart[], context: ReplyContext, finished: boolean): Record<string, unknown> {
  const candidate = { content: { role: 'model', parts }, index: 0, ...(finished && { finishReason: 'STOP' }) };
  return {
    candidates: [candidate],
    ...(finished && { usageMetadata: usageMetadata(context) }),
    modelVersion: context.model,
    responseId: `fake-${context.sequence}`,
  };
}

export function geminiResponse(turn: AnswerTurn, context: ReplyContext): Record<string, unknown> {
  return geminiChunk(geminiParts(turn), context, true);
}

export function sendGeminiContent(res: ServerResponse, turn: AnswerTurn, context: ReplyContext): void {
  sendJson(res, 200, geminiResponse(turn, context));
}

/**
 * `:streamGenerateContent?alt=sse`: `data:` chunks, the text split in two, function calls whole in
 * the last chunk with `finishReason: "STOP"` and `usageMetadata` (Gemini CLI takes a stream ending
 * without a finish reason for a broken one and retries).
 */
export function streamGeminiContent(res: ServerResponse, turn: AnswerTurn, context: ReplyContext): void {
  startEventStream(res);
  const calls = geminiParts(turn).filter((part) => 'functionCall' in part);
  const chunks: GeminiPart[][] = turn.text !== undefined && turn.text !== '' ? halves(turn.text).map((text) => [{ text }]) : [];
  if (calls.length > 0) chunks.push(calls);
  if (chunks.length === 0) chunks.push([{ text: '' }]);
  chunks.forEach((chunk, index) => writeDataEvent(res, geminiChunk(chunk, context, index === chunks.length - 1)));
  res.end();
}
