import type { Checkpoint } from './types.js';
import { checkpointFileText, fromCheckpointFile } from './run-dir/checkpoint-file.js';
import { invalidInputError } from './store-errors.js';

/** Checks the fields the store indexes and returns the checkpoint's JSON (stringified once). */
export function serializeCheckpoint(runId: string, checkpoint: Checkpoint): string {
  checkCheckpointHead(runId, checkpoint);
  // Stored in the checkpoint.json format, so the engine's file copy reuses this same text.
  return toCheckpointJson(runId, checkpoint, () => checkpointFileText(checkpoint));
}

/** Runs `stringify` (the checkpoint, or a delta of it), naming the checkpoint if it cannot be. */
export function toCheckpointJson(runId: string, checkpoint: Checkpoint, stringify: () => string): string {
  try {
    return stringify();
  } catch (error) {
    throw invalidInputError(`checkpoint ${checkpoint.seq} of run "${runId}"`, `cannot be stored as JSON: ${(error as Error).message}`);
  }
}

/** Checks the fields the store indexes (seq, nodes, timestamp). */
export function checkCheckpointHead(runId: string, checkpoint: Checkpoint): void {
  const what = `checkpoint of run "${runId}"`;
  if (typeof checkpoint !== 'object' || checkpoint === null) throw invalidInputError(what, 'is not an object');
  const { seq, currentNode, nextNode, timestamp } = checkpoint;
  if (!Number.isInteger(seq) || seq < 1) {
    throw invalidInputError(what, `has an invalid seq (got ${String(seq)}); it must be an integer from 1`);
  }
  if (typeof currentNode !== 'string' || currentNode.length === 0) {
    throw invalidInputError(`checkpoint ${seq} of run "${runId}"`, 'has no currentNode');
  }
  if (nextNode !== null && typeof nextNode !== 'string') {
    throw invalidInputError(`checkpoint ${seq} of run "${runId}"`, 'has a nextNode that is neither a node id nor null');
  }
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
    throw invalidInputError(`checkpoint ${seq} of run "${runId}"`, `has no valid timestamp (got ${String(timestamp)})`);
  }
}

export function parseCheckpointJson(json: string | undefined): Checkpoint | undefined {
  return json === undefined ? undefined : fromCheckpointFile(JSON.parse(json), 'the store');
}
