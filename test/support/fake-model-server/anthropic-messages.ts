import type { ServerResponse } from 'node:http';
import { sendJson, startEventStream, writeNamedEvent } from './sse.js';
import { halves, hasToolCalls } from './reply-context.js';
import type { AnswerTurn, ReplyContext } from './reply-context.js';

type AnthropicBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export function anthropicBlocks(turn: AnswerTurn, sequence: number): AnthropicBlock[] {
  const blocks: AnthropicBlock[] = [];
  if (turn.text !== undefined && turn.text !== '') blocks.push({ type: 'text', text: turn.text });
  (turn.toolCalls ?? []).forEach((call, index) => {
    blocks.push({ type: 'tool_use', id: call.id ?? `toolu_${sequence}_${index}`, name: call.name, input: call.input });
  });
  if (blocks.length === 0) blocks.push({ type: 'text', text: '' });
  return blocks;
}

function stopReason(turn: AnswerTurn): 'tool_use' | 'end_turn' {
  return hasToolCalls(turn) ? 'tool_use' : 'end_turn';
}

export function anthropicMessage(turn: AnswerTurn, context: ReplyContext): Record<string, unknown> {
  return {
    id: `msg_fake_${context.sequence}`,
    type: 'message',
    role: 'assistant',
    model: context.model,
    content: anthropicBlocks(turn, context.sequence),
    stop_reason: stopReason(turn),
    stop_sequence: null,
    usage: { input_tokens: context.usage.inputTokens, output_tokens: context.usage.outputTokens },
  };
}

export function sendAnthropicMessage(res: ServerResponse, turn: AnswerTurn, context: ReplyContext): void {
  sendJson(res, 200, anthropicMessage(turn, context));
}

/** The event sequence Claude Code and the AI SDK both accept (see shared/notes/agent-clis.md). */
export function streamAnthropicMessage(res: ServerResponse, turn: AnswerTurn, context: ReplyContext): void {
  startEventStream(res);
  const message = anthropicMessage(turn, context);
  writeNamedEvent(res, {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { input_tokens: context.usage.inputTokens, output_tokens: 1 } },
  });
  writeNamedEvent(res, { type: 'ping' });
  anthropicBlocks(turn, context.sequence).forEach((block, index) => {
    if (block.type === 'text') {
      writeNamedEvent(res, { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      for (const text of halves(block.text)) {
        writeNamedEvent(res, { type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
      }
    } else {
      const start = { type: 'tool_use', id: block.id, name: block.name, input: {} };
      writeNamedEvent(res, { type: 'content_block_start', index, content_block: start });
      for (const partial of halves(JSON.stringify(block.input))) {
        const delta = { type: 'input_json_delta', partial_json: partial };
        writeNamedEvent(res, { type: 'content_block_delta', index, delta });
      }
    }
    writeNamedEvent(res, { type: 'content_block_stop', index });
  });
  writeNamedEvent(res, {
    type: 'message_delta',
    delta: { stop_reason: stopReason(turn), stop_sequence: null },
    usage: { output_tokens: context.usage.outputTokens },
  });
  writeNamedEvent(res, { type: 'message_stop' });
  res.end();
}
