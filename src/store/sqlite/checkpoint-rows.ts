import { checkCheckpointHead, parseCheckpointJson, serializeCheckpoint, toCheckpointJson } from '../checkpoint-input.js';
import type { Checkpoint } from '../types.js';
import { diffCheckpoint, foldCheckpoint, parseDelta, type CheckpointDelta } from './checkpoint-delta.js';
import { corruptDatabaseError } from './sqlite-errors.js';

/** A checkpoint row as stored: `baseSeq` null for a full snapshot, else a delta against that row. */
export interface CheckpointRow {
  baseSeq: number | null;
  json: string;
}

interface Committed {
  checkpoint: Checkpoint;
  /** Delta rows written since the last full one. */
  deltas: number;
}

/** Past this many deltas a full row is written, so reading any checkpoint folds a bounded chain. */
const maxDeltaChain = 100;

/**
 * Decides how each checkpoint is stored and rebuilds checkpoints on read. The last checkpoint this
 * process committed for each run is kept in memory to diff against; rows are never changed after
 * they commit, so a delta names its base row and stays valid whatever else writes to the run.
 */
export class CheckpointRows {
  private readonly committed = new Map<string, Committed>();

  constructor(private readonly path: string) {}

  /** The row for `checkpoint`; `remember()` must follow once its transaction has committed. */
  encode(runId: string, checkpoint: Checkpoint): CheckpointRow {
    checkCheckpointHead(runId, checkpoint);
    const previous = this.committed.get(runId);
    const delta = previous && previous.deltas < maxDeltaChain && previous.checkpoint.seq < checkpoint.seq ? diffCheckpoint(previous.checkpoint, checkpoint) : undefined;
    if (!previous || !delta) return { baseSeq: null, json: serializeCheckpoint(runId, checkpoint) };
    return { baseSeq: previous.checkpoint.seq, json: toCheckpointJson(runId, checkpoint, () => JSON.stringify(delta)) };
  }

  remember(runId: string, checkpoint: Checkpoint, row: CheckpointRow): void {
    const deltas = row.baseSeq === null ? 0 : (this.committed.get(runId)?.deltas ?? 0) + 1;
    this.committed.set(runId, { checkpoint, deltas });
  }

  /** The run has finished: nothing will be diffed against its last checkpoint any more. */
  forget(runId: string): void {
    this.committed.delete(runId);
  }

  /** Rebuilds the checkpoint in `row` by folding its deltas onto the full row they start from. */
  decode(runId: string, row: CheckpointRow | undefined, readRow: (seq: number) => CheckpointRow | undefined): Checkpoint | undefined {
    if (!row) return undefined;
    const deltas: CheckpointDelta[] = [];
    let current = row;
    while (current.baseSeq !== null) {
      const delta = parseDelta(current.json);
      const base = readRow(current.baseSeq);
      if (!delta || !base || current.baseSeq >= delta.seq) throw corruptDatabaseError(this.path, `checkpoint data of run "${runId}" is damaged`);
      deltas.push(delta);
      current = base;
    }
    let checkpoint = parseCheckpointJson(current.json) as Checkpoint;
    for (let i = deltas.length - 1; i >= 0; i--) checkpoint = foldCheckpoint(checkpoint, deltas[i] as CheckpointDelta);
    return checkpoint;
  }
}
