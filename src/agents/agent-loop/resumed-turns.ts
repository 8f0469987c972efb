import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelMessage } from 'ai';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { toolResultPart } from './run-tool-call.js';
import { turnFileName, type TurnRecord } from './turn-log.js';

/**
 * The conversation of turns 1..T as the model saw it (issue 14, `orchestra resume RUN --turn T`):
 * each turn's answer with its tool calls, then the calls' results, so the agent goes on at turn T+1.
 */
export function messagesOfTurns(records: readonly TurnRecord[]): ModelMessage[] {
  const messages: ModelMessage[] = [];
  for (const record of records) {
    messages.push({
      role: 'assistant',
      content: [
        ...(record.text === '' ? [] : [{ type: 'text' as const, text: record.text }]),
        ...record.tool_calls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.id, toolName: call.name, input: call.input })),
      ],
    });
    if (record.tool_calls.length > 0) messages.push({ role: 'tool', content: record.tool_calls.map(toolResultPart) });
  }
  return messages;
}

/**
 * Turns 1..`upTo` from the turn log of a stage directory (`turn-001.json`, ...), or undefined when
 * the node kept none (a CLI agent's or a simulated node: they start the node afresh on the files).
 */
export async function readTurnRecords(stageDir: string, upTo: number): Promise<TurnRecord[] | undefined> {
  const records: TurnRecord[] = [];
  for (let turn = 1; turn <= upTo; turn += 1) {
    const file = join(stageDir, turnFileName(turn));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      if (turn === 1) return undefined;
      throw new OrchestraError(ErrorCode.USAGE, `The turn log of ${stageDir} ends before turn ${upTo}: ${file} is missing.`, {
        hint: `Resume from a turn the log has (up to ${turn - 1}), or without --turn.`,
      });
    }
    records.push(parseTurnRecord(text, file, turn));
  }
  return records;
}

function parseTurnRecord(text: string, file: string, turn: number): TurnRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new OrchestraError(ErrorCode.USAGE, `${file} is not valid JSON: ${(error as Error).message}.`, { hint: 'Resume without --turn: the node then starts afresh on the files of that turn.' });
  }
  const record = value as Partial<TurnRecord>;
  if (record.turn !== turn || typeof record.text !== 'string' || !Array.isArray(record.tool_calls)) {
    throw new OrchestraError(ErrorCode.USAGE, `${file} is not the record of turn ${turn} (expected turn, text and tool_calls).`, { hint: 'Resume without --turn: the node then starts afresh on the files of that turn.' });
  }
  return record as TurnRecord;
}
