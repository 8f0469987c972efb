import { join } from 'node:path';
import { writeJsonAtomic } from '../../store/run-dir/write-file-atomic.js';
import type { Usage } from '../llm/index.js';
import type { TurnRecord } from './turn-record.js';

export type { ToolCallRecord, TurnRecord } from './turn-record.js';

export function turnFileName(turn: number): string {
  return `turn-${String(turn).padStart(3, '0')}.json`;
}

export async function writeTurn(stageDir: string, record: TurnRecord): Promise<void> {
  await writeJsonAtomic(join(stageDir, turnFileName(record.turn)), record);
}

export function usageRecord(usage: Usage): TurnRecord['usage'] {
  return { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens, cost_usd: usage.costUsd };
}
