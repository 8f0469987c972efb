import type { ServerResponse } from 'node:http';
import { halves } from './reply-context.js';
import type { AnswerTurn, ReplyContext } from './reply-context.js';
import { sendJson, startEventStream, writeNamedEvent } from './sse.js';

const CREATED = 1_700_000_000;

interface MessageItem {
  type: 'message';
  id: string;
  role: 'assistant';
  status: 'completed';
  content: { type: 'output_text'; text: string; annotations: never[] }[];
}
interface FunctionCallItem {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: 'completed';
}
/** A call of a freeform (`custom`) tool, such as Codex's apply_patch: its input is plain text. */
interface CustomToolCallItem {
  type: 'custom_tool_call';
  id: string;
  call_id: string;
  name: string;
  input: string;
  status: 'completed';
}
type OutputItem = MessageItem | FunctionCallItem | CustomToolCallItem;

export function responseOutput(turn: AnswerTurn, sequence: number): OutputItem[] {
  const items: OutputItem[] = [];
  if (turn.text !== undefined && turn.text !== '') {
    const content = [{ type: 'output_text' as const, text: turn.text, annotations: [] }];
    items.push({ type: 'message', id: `msg_${sequence}`, role: 'assistant', status: 'completed', content });
  }
  (turn.toolCalls ?? []).forEach((call, index) => {
    const callId = call.id ?? `call_${sequence}_${index}`;
    if (call.freeform !== undefined) {
      items.push({ type: 'custom_tool_call', id: `ctc_${sequence}_${index}`, call_id: callId, name: call.name, input: call.freeform, status: 'completed' });
      return;
    }
    const args = JSON.stringify(call.input);
    items.push({ type: 'function_call', id: `fc_${sequence}_${index}`, call_id: callId, name: call.name, arguments: args, status: 'completed' });
  });
  return items;
}

export function responseObject(turn: AnswerTurn, context: ReplyContext): Record<string, unknown> {
  const { inputTokens, outputTokens } = context.usage;
  return {
    id: `resp_fake_${context.sequence}`,
    object: 'response',
    created_at: CREATED,
    model: context.model,
    status: 'completed',
    output: responseOutput(turn, context.sequence),
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens,
    },
  };
}

export function sendResponse(res: ServerResponse, turn: AnswerTurn, context: ReplyContext): void {
  sendJson(res, 200, responseObject(turn, context));
}

/** Item events while it is being produced: the deltas between output_item.added and output_item.done. */
function itemDeltaEvents(item: OutputItem, outputIndex: number): ({ type: string } & Record<string, unknown>)[] {
  const at = { item_id: item.id, output_index: outputIndex };
  if (item.type === 'custom_tool_call') {
    return [
      ...halves(item.input).map((delta) => ({ type: 'response.custom_tool_call_input.delta', ...at, delta })),
      { type: 'response.custom_tool_call_input.done', ...at, input: item.input },
    ];
  }
  if (item.type === 'function_call') {
    return [
      ...halves(item.arguments).map((delta) => ({ type: 'response.function_call_arguments.delta', ...at, delta })),
      { type: 'response.function_call_arguments.done', ...at, arguments: item.arguments },
    ];
  }
  const text = item.content[0]?.text ?? '';
  return [
    ...halves(text).map((delta) => ({ type: 'response.output_text.delta', ...at, content_index: 0, delta, logprobs: [] })),
    { type: 'response.output_text.done', ...at, content_index: 0, text, logprobs: [] },
  ];
}

function openingItem(item: OutputItem): OutputItem | Record<string, unknown> {
  if (item.type === 'function_call') return { ...item, arguments: '', status: 'in_progress' };
  if (item.type === 'custom_tool_call') return { ...item, input: '', status: 'in_progress' };
  return { ...item, content: [], status: 'in_progress' };
}

export function streamResponse(res: ServerResponse, turn: AnswerTurn, context: ReplyContext): void {
  startEventStream(res);
  const complete = responseObject(turn, context);
  let sequenceNumber = 0;
  const emit = (event: { type: string } & Record<string, unknown>) =>
    writeNamedEvent(res, { ...event, sequence_number: sequenceNumber++ });
  const inProgress = { ...complete, status: 'in_progress', output: [], usage: null };
  emit({ type: 'response.created', response: inProgress });
  emit({ type: 'response.in_progress', response: inProgress });
  responseOutput(turn, context.sequence).forEach((item, outputIndex) => {
    emit({ type: 'response.output_item.added', output_index: outputIndex, item: openingItem(item) });
    for (const event of itemDeltaEvents(item, outputIndex)) emit(event);
    emit({ type: 'response.output_item.done', output_index: outputIndex, item });
  });
  emit({ type: 'response.completed', response: complete });
  res.end();
}
