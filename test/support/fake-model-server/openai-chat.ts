import type { ServerResponse } from 'node:http';
import { halves, hasToolCalls } from './reply-context.js';
import type { AnswerTurn, ReplyContext } from './reply-context.js';
import { sendJson, startEventStream, writeDataEvent } from './sse.js';

/** A fixed timestamp keeps replies byte-for-byte reproducible. */
const CREATED = 1_700_000_000;

function toolCalls(turn: AnswerTurn, sequence: number) {
  return (turn.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${sequence}_${index}`,
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  }));
}

function finishReason(turn: AnswerTurn): 'tool_calls' | 'stop' {
  return hasToolCalls(turn) ? 'tool_calls' : 'stop';
}

function chatUsage(context: ReplyContext) {
  const { inputTokens, outputTokens } = context.usage;
  return { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens };
}

export function chatCompletion(turn: AnswerTurn, context: ReplyContext): Record<string, unknown> {
  const calls = toolCalls(turn, context.sequence);
  const message = {
    role: 'assistant',
    content: turn.text ?? (calls.length > 0 ? null : ''),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
  };
  return {
    id: `chatcmpl-fake-${context.sequence}`,
    object: 'chat.completion',
    created: CREATED,
    model: context.model,
    choices: [{ index: 0, message, finish_reason: finishReason(turn) }],
    usage: chatUsage(context),
  };
}

export function sendChatCompletion(res: ServerResponse, turn: AnswerTurn, context: ReplyContext): void {
  sendJson(res, 200, chatCompletion(turn, context));
}

export function streamChatCompletion(
  res: ServerResponse,
  turn: AnswerTurn,
  context: ReplyContext,
  includeUsage: boolean,
): void {
  startEventStream(res);
  const base = { id: `chatcmpl-fake-${context.sequence}`, object: 'chat.completion.chunk', created: CREATED, model: context.model };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  writeDataEvent(res, chunk({ role: 'assistant', content: '' }));
  if (turn.text !== undefined && turn.text !== '') {
    for (const part of halves(turn.text)) writeDataEvent(res, chunk({ content: part }));
  }
  toolCalls(turn, context.sequence).forEach((call, index) => {
    const opening = { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } };
    writeDataEvent(res, chunk({ tool_calls: [opening] }));
    for (const part of halves(call.function.arguments)) {
      writeDataEvent(res, chunk({ tool_calls: [{ index, function: { arguments: part } }] }));
    }
  });
  writeDataEvent(res, chunk({}, finishReason(turn)));
  if (includeUsage) writeDataEvent(res, { ...base, choices: [], usage: chatUsage(context) });
  writeDataEvent(res, '[DONE]');
  res.end();
}
